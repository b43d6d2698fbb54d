"""Defences an operator relies on, tried against the real binary."""
import json
import socket
import threading
import time

import requests

from harness import ServerProcess, raw_exchange


def demo_server(extra_env=None):
    process = ServerProcess(extra_env)
    demo = json.loads(process.run("demo", "--json").stdout)
    process.start()
    return process, (demo["apiKeyId"], demo["apiKeySecret"])


def test_an_unauthenticated_upload_is_refused_before_its_body_is_read():
    server, _ = demo_server()
    try:
        # 50 MB announced, nothing sent: the 401 must come from the head alone.
        head = (b"POST /hr-integrations/1/sync HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Content-Length: 50000000\r\n\r\n")
        started = time.monotonic()
        response, closed = raw_exchange(server.port, head, timeout=5)
        assert response.startswith(b"HTTP/1.1 401"), response[:200]
        assert closed
        assert time.monotonic() - started < 2
        assert b"www-authenticate: basic" in response.lower()
    finally:
        assert server.stop() == 0


def test_bodies_beyond_the_memory_budget_get_503(tmp_path):
    server, auth = demo_server({"JOBTICKET_BODY_MEMORY": str(1 << 20)})
    try:
        body = json.dumps({"syncId": "big", "employees": [{"firstName": "x" * 50, "lastName": "y", "email": f"p{i}@example.com",
                                                          "hrId": f"h{i}", "startDate": "2024-01-01"} for i in range(20000)]})
        assert len(body) > 1 << 20
        response = requests.post(server.base_url + "/hr-integrations/1/sync", data=body, auth=auth,
                                 headers={"Content-Type": "application/json"})
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "1"
        assert response.json()["type"].endswith("/problems/unavailable")
    finally:
        assert server.stop() == 0


def test_sigterm_during_a_request_longer_than_the_grace_answers_503_and_exits_zero():
    server, auth = demo_server({"JOBTICKET_SHUTDOWN_GRACE": "0", "JOBTICKET_SYNC_BODY_LIMIT": str(256 << 20)})
    outcome = {}
    roster = {"syncId": "slow", "employees": [{"firstName": "A", "lastName": "B", "email": f"slow{i}@example.com",
                                               "hrId": f"slow-{i}", "startDate": "2024-01-01"} for i in range(150000)]}

    def sync():
        try:
            outcome["response"] = requests.post(server.base_url + "/hr-integrations/1/sync?confirmMassOffboarding=true",
                                                json=roster, auth=auth, timeout=60)
        except requests.RequestException as error:
            outcome["error"] = error

    worker = threading.Thread(target=sync)
    worker.start()
    time.sleep(1.5)  # the upload is done and the sync is being applied
    server.process.send_signal(15)
    code = server.process.wait(timeout=30)
    worker.join(timeout=30)
    server.stop()
    assert code == 0, server.log()
    assert "Fatal error" not in server.log()
    response = outcome.get("response")
    assert response is not None and response.status_code in (204, 503), outcome
    if response.status_code == 503:
        assert response.json()["type"].endswith("/problems/unavailable")


def test_behind_a_trusted_proxy_failed_logins_block_only_their_client():
    server, auth = demo_server({"JOBTICKET_TRUSTED_PROXIES": "127.0.0.1", "JOBTICKET_AUTH_FAILURE_LIMIT": "3"})
    try:
        statuses = [requests.get(server.base_url + "/employees", auth=(auth[0], "wrong"),
                                 headers={"X-Real-IP": "192.0.2.10"}).status_code for _ in range(4)]
        assert statuses == [401, 401, 401, 429], "three failures are allowed, the fourth starts the block"
        blocked = requests.get(server.base_url + "/employees", auth=auth, headers={"X-Real-IP": "192.0.2.10"})
        assert blocked.status_code == 429
        other = requests.get(server.base_url + "/employees", auth=auth, headers={"X-Real-IP": "192.0.2.11"})
        assert other.status_code == 200
        logged = [json.loads(line) for line in server.log().splitlines() if '"msg":"request"' in line]
        assert {entry["remote"] for entry in logged} >= {"192.0.2.10", "192.0.2.11"}
    finally:
        assert server.stop() == 0


def test_an_untrusted_peer_cannot_choose_its_address():
    server, auth = demo_server({"JOBTICKET_AUTH_FAILURE_LIMIT": "2"})
    try:
        # Without a trusted proxy X-Real-IP is ignored: all three failures count for 127.0.0.1.
        for address in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
            requests.get(server.base_url + "/employees", auth=(auth[0], "wrong"), headers={"X-Real-IP": address})
        assert requests.get(server.base_url + "/employees", auth=auth).status_code == 429
    finally:
        assert server.stop() == 0
