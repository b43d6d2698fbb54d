import pytest

from harness import ServerProcess

_servers = []


@pytest.fixture(scope="session")
def server():
    """The shared server: staging, small default body limit so limits are cheap to test."""
    process = ServerProcess({"JOBTICKET_BODY_LIMIT": "1024", "JOBTICKET_LOG_FORMAT": "json"}).start()
    _servers.append(process)
    yield process
    code = process.stop()
    assert code == 0, f"server exited {code}:\n{process.log()}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        for process in _servers:
            report.sections.append((f"server log ({process.base_url})", process.log()[-20000:]))
