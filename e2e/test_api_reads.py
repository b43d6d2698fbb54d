"""The read API through the real binary, as an integrator tries it first: `jobticket demo`, then curl -u."""
import json
import subprocess

import pytest

from harness import ServerProcess

CHALLENGE = 'Basic realm="JobTicket B2B API", charset="UTF-8"'


@pytest.fixture(scope="module")
def demo():
    """A server whose data directory holds the demo company; yields (server, credentials)."""
    server = ServerProcess({"JOBTICKET_LOG_FORMAT": "json"})
    result = server.run("demo", "--json")
    credentials = json.loads(result.stdout)
    server.start()
    try:
        yield server, credentials
    finally:
        code = server.stop()
        assert code == 0, f"server exited {code}:\n{server.log()}"


def curl(url, user=None, head_only=False):
    """Runs curl; returns (status, headers with lower-case names, body bytes)."""
    command = ["curl", "-sS", "--max-time", "10"]
    command += ["-I"] if head_only else ["-D", "-", "-o", "-"]
    if user is not None:
        command += ["-u", user]
    command.append(url)
    output = subprocess.run(command, capture_output=True, timeout=20, check=True).stdout
    head, _, body = output.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body


def get_json(server, credentials, path):
    status, headers, body = curl(server.base_url + path, f"{credentials['apiKeyId']}:{credentials['apiKeySecret']}")
    assert status == 200, (path, body)
    assert headers["content-type"] == "application/json; charset=utf-8"
    return headers, json.loads(body)


def test_demo_prints_working_credentials(demo):
    _, credentials = demo
    assert credentials["apiKeySecret"].startswith("jt_test_")
    assert len(credentials["apiKeySecret"]) == 46
    assert credentials["employees"] >= 6


def test_curl_reads_every_endpoint(demo):
    server, credentials = demo
    headers, employees = get_json(server, credentials, "/employees?perPage=100")
    envelope = employees["data"]
    assert set(envelope) == {"data", "page", "perPage", "totalPages", "total"}
    assert envelope["total"] == credentials["employees"]
    assert headers["ratelimit-policy"] == '"per-key";q=100;w=60'
    assert headers["ratelimit"].startswith('"per-key";r=')
    assert headers["x-request-id"]
    employee = envelope["data"][0]
    assert employee["resource"] == "employee"
    assert "hrIntergartionLinks" in employee
    assert employee["_links"]["self"]["href"] == f"{server.base_url}/employees/{employee['id']}"

    _, single = get_json(server, credentials, f"/employees/{employee['id']}")
    assert single["data"] == employee

    _, own_documents = get_json(server, credentials, f"/employees/{employee['id']}/documents")
    assert all(document["employeeId"] == employee["id"] for document in own_documents["data"]["data"])

    _, documents = get_json(server, credentials, "/employee-documents?perPage=100")
    assert documents["data"]["total"] >= 1
    downloadable = next(document for document in documents["data"]["data"] if document["downloadable"])
    _, document = get_json(server, credentials, f"/employee-documents/{downloadable['id']}")
    assert document["data"] == downloadable

    status, download_headers, pdf = curl(downloadable["_links"]["download"]["href"],
                                         f"{credentials['apiKeyId']}:{credentials['apiKeySecret']}")
    assert status == 200
    assert download_headers["content-type"] == "application/pdf"
    assert download_headers["content-disposition"].startswith("attachment; filename=")
    assert download_headers["etag"].startswith('"')
    assert int(download_headers["content-length"]) == len(pdf)
    assert pdf.startswith(b"%PDF")

    _, integrations = get_json(server, credentials, "/hr-integrations")
    assert [item["id"] for item in integrations["data"]["data"]] == [credentials["hrIntegrationId"]]
    _, integration = get_json(server, credentials, f"/hr-integrations/{credentials['hrIntegrationId']}")
    assert integration["data"]["resource"] == "hr-integration"
    assert integration["data"]["linkedEmployees"] == credentials["employees"]


def test_the_printed_curl_command_works(demo):
    server, credentials = demo
    command = credentials["curl"].split()
    assert command[:2] == ["curl", "-u"]
    output = subprocess.run(command + ["-sS", "--max-time", "10"], capture_output=True, timeout=20, check=True).stdout
    assert json.loads(output)["data"]["total"] == credentials["employees"]


def test_head_is_answered(demo):
    server, credentials = demo
    status, headers, body = curl(server.base_url + "/employees",
                                 f"{credentials['apiKeyId']}:{credentials['apiKeySecret']}", head_only=True)
    assert status == 200
    assert body == b""
    assert int(headers["content-length"]) > 0


def test_wrong_secret_is_401_with_a_challenge(demo):
    server, credentials = demo
    secret = credentials["apiKeySecret"]
    # Same format and checksum rules do not hold for an edited secret; either way it is 401.
    wrong = secret[:8] + ("A" if secret[8] != "A" else "B") + secret[9:]
    for user in [f"{credentials['apiKeyId']}:{wrong}", None]:
        status, headers, body = curl(server.base_url + "/employees", user)
        assert status == 401
        assert headers["www-authenticate"] == CHALLENGE
        assert headers["content-type"] == "application/problem+json"
        problem = json.loads(body)
        assert problem["type"] == server.base_url + "/problems/unauthorized"
        assert "ratelimit" not in headers


def test_missing_permission_and_unknown_ids(demo):
    server, credentials = demo
    status, _, body = curl(server.base_url + "/employees/999999999",
                           f"{credentials['apiKeyId']}:{credentials['apiKeySecret']}")
    assert status == 404
    assert json.loads(body)["type"] == server.base_url + "/problems/not-found"
    status, _, body = curl(server.base_url + "/employees/abc", f"{credentials['apiKeyId']}:{credentials['apiKeySecret']}")
    assert status == 400
