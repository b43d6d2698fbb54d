"""Health, errors as problem JSON, body limits, request ids — as an integrator's HTTP client sees them."""
import requests

from harness import raw_exchange


def test_health_is_ok_without_credentials(server):
    response = requests.get(server.base_url + "/health")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {"status": "ok"}
    assert response.headers["X-Request-Id"]


def test_unknown_path_is_a_404_problem(server):
    response = requests.get(server.base_url + "/no/such/path")
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == server.base_url + "/problems/not-found"
    assert problem["status"] == 404
    assert problem["instance"] == "/no/such/path"
    assert problem["requestId"] == response.headers["X-Request-Id"]


def test_wrong_method_is_a_405_problem_with_allow(server):
    response = requests.delete(server.base_url + "/health")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD"
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["type"].endswith("/problems/method-not-allowed")


def test_head_is_answered_for_get(server):
    response = requests.head(server.base_url + "/health")
    assert response.status_code == 200
    assert response.headers["Content-Length"] == "15"
    assert response.content == b""


def test_client_request_id_is_echoed(server):
    response = requests.get(server.base_url + "/health", headers={"X-Request-Id": "abc-123"})
    assert response.headers["X-Request-Id"] == "abc-123"


def test_body_at_the_limit_is_accepted_and_one_byte_over_is_413(server):
    at_limit = requests.post(server.base_url + "/health", data=b"x" * 1024)
    assert at_limit.status_code == 405, "a body at the limit reaches routing"
    over = requests.post(server.base_url + "/health", data=b"x" * 1025)
    assert over.status_code == 413
    assert over.headers["Content-Type"] == "application/problem+json"
    assert over.json()["type"].endswith("/problems/payload-too-large")


def test_chunked_body_over_the_limit_is_413(server):
    body = b"x" * 1025
    payload = (b"POST /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
               + b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n")
    response, closed = raw_exchange(server.port, payload)
    assert response.startswith(b"HTTP/1.1 413"), response
    assert closed


def test_access_log_has_one_json_line_per_request_without_secrets(server):
    requests.get(server.base_url + "/health", headers={"X-Request-Id": "log-probe-1"},
                 auth=("f1b24afa-39c6-4cc2-b545-cfab6b687f6e", "jt_test_supersecretvalue"))
    lines = [line for line in server.log().splitlines() if "log-probe-1" in line]
    assert len(lines) == 1
    import json
    entry = json.loads(lines[0])
    assert entry["msg"] == "request"
    assert entry["method"] == "GET" and entry["route"] == "/health" and entry["status"] == 200
    assert {"time", "durationMs", "bytes", "requestId", "keyId"} <= entry.keys()
    assert "supersecret" not in server.log()
