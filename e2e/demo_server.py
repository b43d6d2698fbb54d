"""A server with the demo company and credentials, shared by the contract tests."""
import json
from dataclasses import dataclass

from harness import ServerProcess


@dataclass
class DemoServer:
    process: ServerProcess
    key_id: str
    secret: str

    @property
    def base_url(self) -> str:
        return self.process.base_url

    @property
    def auth(self) -> tuple[str, str]:
        return (self.key_id, self.secret)


def start_demo_server(extra_env=None) -> DemoServer:
    # Generous limits: the contract tests send thousands of requests from one address.
    process = ServerProcess({"JOBTICKET_RATE_LIMIT": "1000000", "JOBTICKET_AUTH_FAILURE_LIMIT": "1000000",
                             "JOBTICKET_NOW": "2024-05-14T06:00:00Z", **(extra_env or {})})
    demo = json.loads(process.run("demo", "--json").stdout)
    process.start()
    return DemoServer(process, demo["apiKeyId"], demo["apiKeySecret"])
