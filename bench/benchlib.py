"""What the benchmarks share: a real `jobticket serve` on a free port, the machine's facts, and
writing a results section into bench/README.md."""
import http.client
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "bench" / "README.md"
NOW = "2024-05-14T06:00:00Z"
MIB = 1 << 20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, binary: Path, extra_env: dict):
        self.binary = binary
        self.port = free_port()
        self.data_dir = Path(tempfile.mkdtemp(prefix="jobticket-bench-"))
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "JOBTICKET_PORT": str(self.port),
            "JOBTICKET_HOST": "127.0.0.1",
            "JOBTICKET_DATABASE": f"sqlite:{self.data_dir}/jobticket.sqlite",
            "JOBTICKET_PUBLIC_URL": f"http://127.0.0.1:{self.port}",
            "JOBTICKET_NOW": NOW,
            "JOBTICKET_LOG_LEVEL": "warn",
            "JOBTICKET_SYNC_BODY_LIMIT": str(256 * MIB),
            **extra_env,
        }
        self.process = None
        self.log_path = self.data_dir / "server.log"

    def cli(self, *args) -> dict:
        result = subprocess.run([str(self.binary), *args, "--json"], env=self.env, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise RuntimeError(f"jobticket {' '.join(args)} exited {result.returncode}: {result.stderr}{result.stdout}")
        return json.loads(result.stdout)

    def start(self, timeout: float = 30.0) -> "Server":
        self.log_file = open(self.log_path, "w")
        self.process = subprocess.Popen([str(self.binary), "serve"], env=self.env, stdout=self.log_file, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode} during start:\n{self.log()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                conn.request("GET", "/health")
                if conn.getresponse().status == 200:
                    conn.close()
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"server did not answer /health within {timeout}s:\n{self.log()}")

    def memory(self) -> dict:
        """VmHWM / VmRSS of the server in bytes."""
        values = {}
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                key, _, rest = line.partition(":")
                if key in ("VmHWM", "VmRSS"):
                    values[key] = int(rest.split()[0]) * 1024
        return values

    def cpu_seconds(self) -> float:
        """User + system CPU time the server has used so far (all threads)."""
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def written_bytes(self) -> int:
        """Bytes the server has passed to write()/pwrite() so far (`wchar` in /proc/<pid>/io: SQLite's
        WAL and database writes; the responses are tiny). 0 if unreadable."""
        try:
            for line in open(f"/proc/{self.process.pid}/io"):
                if line.startswith("wchar:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def runqueue_wait_seconds(self) -> float:
        """Time the server's threads spent runnable but waiting for a CPU (schedstat), i.e. lost to other load."""
        total = 0
        for task in Path(f"/proc/{self.process.pid}/task").iterdir():
            try:
                total += int((task / "schedstat").read_text().split()[1])
            except (OSError, IndexError, ValueError):
                pass
        return total / 1e9

    def stop(self, timeout: float = 30.0) -> int:
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return -9
        finally:
            self.log_file.close()

    def log(self) -> str:
        try:
            return self.log_path.read_text()
        except OSError:
            return ""

    def cleanup(self):
        shutil.rmtree(self.data_dir, ignore_errors=True)


def machine() -> dict:
    model = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / (1 << 20):.1f} GiB"
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0, 0, 0)
    return {"nproc": os.cpu_count(), "memory": memory, "cpu": model, "kernel": platform.release(),
            "load": " ".join(f"{x:.2f}" for x in load)}


def write_readme(section: str, begin: str, end: str):
    """Replaces the text between `begin` and `end` in bench/README.md (appends it if absent)."""
    text = README.read_text() if README.exists() else ""
    if begin in text and end in text:
        text = text.split(begin, 1)[0] + section + text.split(end, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    README.write_text(text)
