"""schemathesis fuzzes the live demo server from our own /openapi.json: every default check,
positive and negative data, zero failures allowed."""
import subprocess
import sys
from pathlib import Path

import pytest

from demo_server import start_demo_server

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def demo():
    server = start_demo_server()
    yield server
    assert server.process.stop() == 0, server.process.log()


def test_schemathesis_finds_no_failures(demo):
    command = [
        str(Path(sys.executable).parent / "schemathesis"), "--config-file", str(HERE / "schemathesis.toml"),
        "run", f"{demo.base_url}/openapi.json", "--auth", f"{demo.key_id}:{demo.secret}",
        "--mode", "all", "--max-examples", "100", "--no-color",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert " passed" in report and "failed" not in report.split("SUMMARY")[-1], report
