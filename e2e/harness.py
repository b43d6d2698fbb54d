"""Starts the real release binary on a free port with its own data directory, as an operator would."""
import http.client
import os
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = Path(os.environ.get("JOBTICKET_BINARY", ROOT / ".build" / "release" / "jobticket"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServerProcess:
    """One `jobticket serve` process; `log()` returns everything it printed."""

    def __init__(self, extra_env=None, data_dir=None, binary=BINARY):
        self.binary = Path(binary)
        self.port = free_port()
        self.data_dir = Path(data_dir or tempfile.mkdtemp(prefix="jobticket-e2e-"))
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "JOBTICKET_PORT": str(self.port),
            "JOBTICKET_DATABASE": f"sqlite:{self.data_dir}/jobticket.sqlite",
            "JOBTICKET_PUBLIC_URL": f"http://127.0.0.1:{self.port}",
            **(extra_env or {}),
        }
        self.log_path = self.data_dir / "server.log"
        self.process = None

    def run(self, *args, check=True, timeout=60):
        """Runs a one-shot `jobticket` command with this server's configuration."""
        result = subprocess.run([str(self.binary), *args], env=self.env, capture_output=True, text=True, timeout=timeout)
        if check and result.returncode != 0:
            raise AssertionError(f"jobticket {' '.join(args)} exited {result.returncode}: {result.stderr}")
        return result

    def start(self, timeout=30.0):
        self.log_file = open(self.log_path, "w")
        self.process = subprocess.Popen([str(self.binary), "serve"], env=self.env, stdout=self.log_file,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode} during start:\n{self.log()}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                connection.request("GET", "/health")
                if connection.getresponse().status == 200:
                    connection.close()
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"server did not answer /health within {timeout}s:\n{self.log()}")

    def stop(self, timeout=20.0) -> int:
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise RuntimeError(f"server did not stop within {timeout}s after SIGTERM:\n{self.log()}")
        finally:
            self.log_file.close()

    def log(self) -> str:
        try:
            return self.log_path.read_text()
        except OSError:
            return ""


def raw_exchange(port: int, payload: bytes, timeout: float = 3.0) -> tuple[bytes, bool]:
    """Sends raw bytes; returns everything received and whether the server closed the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(payload)
        received = b""
        closed = False
        sock.settimeout(timeout)
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    closed = True
                    break
                received += chunk
        except socket.timeout:
            closed = False
        return received, closed
