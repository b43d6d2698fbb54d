"""What the benchmarks share: a real `jobticket serve` on a free port, the machine's facts, and
writing a results section into bench/README.md."""
import json
import os
import platform
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "bench" / "README.md"
NOW = "2024-05-14T06:00:00Z"
MIB = 1 << 20


sys.path.insert(0, str(ROOT / "e2e"))
from harness import ServerProcess, free_port  # noqa: E402,F401  (free_port is re-exported)


class Server(ServerProcess):
    """The e2e harness's server process, quiet and with a fixed clock, plus readings from /proc."""

    def __init__(self, binary: Path, extra_env: dict):
        super().__init__({"JOBTICKET_NOW": NOW, "JOBTICKET_LOG_LEVEL": "warn",
                          "JOBTICKET_SYNC_BODY_LIMIT": str(256 * MIB), **extra_env}, binary=binary)

    def cli(self, *args) -> dict:
        """Runs an operator command with --json and returns its output."""
        return json.loads(self.run(*args, "--json").stdout)

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
