"""The transport's strict framing guard, tried with raw bytes as an attacker would."""
import json
import re

import pytest

from harness import raw_exchange

MALFORMED = {
    "duplicate content-length": b"POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
    "identical duplicate content-length": b"POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello",
    "transfer-encoding with content-length": b"POST /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
    "gzip, chunked": b"POST /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
    "identity coding": b"POST /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n\r\n",
    "space before colon": b"POST /health HTTP/1.1\r\nHost: x\r\nContent-Length : 5\r\n\r\nhello",
    "http/1.1 without host": b"GET /health HTTP/1.1\r\n\r\n",
    "two hosts": b"GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
}


STATUS_LINE = re.compile(rb"(?:^|\r\n)HTTP/1\.1 \d{3} ")


def status_of(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


def body_of(response: bytes) -> dict:
    return json.loads(response.split(b"\r\n\r\n", 1)[1])


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_framing_gets_400_and_the_connection_is_closed(server, name):
    # A valid request follows the malformed one: it must never be answered (no smuggling).
    payload = MALFORMED[name] + b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
    response, closed = raw_exchange(server.port, payload)
    assert status_of(response) == 400, response
    assert closed, "the connection must be closed after a framing error"
    assert len(STATUS_LINE.findall(response)) == 1, "the smuggled request must not be answered"
    head = response.split(b"\r\n\r\n", 1)[0].lower()
    assert b"content-type: application/problem+json" in head
    problem = body_of(response)
    assert problem["status"] == 400
    assert problem["type"].endswith("/problems/bad-request")


def test_well_formed_chunked_post_is_read_and_the_connection_stays_open(server):
    chunked = (b"POST /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
               b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
    follow_up = b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    response, closed = raw_exchange(server.port, chunked + follow_up)
    parts = response.split(b"HTTP/1.1 ")[1:]
    assert len(parts) == 2, response
    assert parts[0].startswith(b"405"), "the chunked body was framed correctly and routed"
    assert parts[1].startswith(b"200"), "the next request on the same connection was served"
    assert closed


def test_pipelined_gets_are_both_answered_in_order(server):
    pair = (b"GET /health HTTP/1.1\r\nHost: x\r\nX-Request-Id: first\r\n\r\n"
            b"GET /health HTTP/1.1\r\nHost: x\r\nX-Request-Id: second\r\nConnection: close\r\n\r\n")
    response, _ = raw_exchange(server.port, pair)
    assert response.count(b"HTTP/1.1 200 OK") == 2, response
    assert response.index(b"X-Request-Id: first") < response.index(b"X-Request-Id: second")


def test_keep_alive_is_kept(server):
    response, closed = raw_exchange(server.port, b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n", timeout=0.5)
    assert status_of(response) == 200
    assert not closed
    assert b"connection: close" not in response.lower()
