"""Start-up validation and graceful shutdown of the real process."""
import socket
import subprocess
import time

import pytest

from harness import BINARY, ServerProcess


def test_bad_port_exits_non_zero_naming_the_variable():
    result = subprocess.run([str(BINARY), "serve"], env={"JOBTICKET_PORT": "abc"}, capture_output=True, text=True,
                            timeout=30)
    assert result.returncode != 0
    assert "JOBTICKET_PORT" in result.stderr


def test_sigterm_lets_the_in_flight_request_finish_and_exits_zero():
    server = ServerProcess({"JOBTICKET_SHUTDOWN_GRACE": "10"}).start()
    try:
        slow = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        # The request is in flight: its head and half of its body have arrived.
        slow.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nConnection: close\r\n\r\nhello")
        time.sleep(0.3)
        server.process.send_signal(15)
        time.sleep(0.5)
        assert server.process.poll() is None, "the server must wait for the in-flight request"
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", server.port), timeout=1).close()
        slow.sendall(b"world")
        response = b""
        while chunk := slow.recv(65536):
            response += chunk
        slow.close()
        assert response.startswith(b"HTTP/1.1 200"), response
        assert server.process.wait(timeout=10) == 0
    finally:
        server.stop()
    assert '"msg":"stopped","drained":true' in server.log()


def test_a_second_server_cannot_take_a_port_in_use():
    first = ServerProcess().start()
    try:
        second = ServerProcess({"JOBTICKET_PORT": str(first.port)})
        result = second.run("serve", check=False, timeout=30)
        assert result.returncode != 0
        assert "Cannot listen" in result.stderr
    finally:
        first.stop()
