"""`jobticket demo` through the real release binary: stable credentials and real PDF documents."""
import json
import sqlite3
import subprocess

from harness import ServerProcess


def demo(process: ServerProcess) -> dict:
    result = process.run("demo", "--json")
    assert result.stderr == ""
    return json.loads(result.stdout)


def test_demo_twice_prints_the_same_company_and_credentials():
    process = ServerProcess()
    first = demo(process)
    second = demo(process)
    for key in ("companyId", "apiKeyId", "apiKeySecret", "hrIntegrationId", "employees"):
        assert key in first
        assert first[key] == second[key], key
    assert first["apiKeySecret"].startswith("jt_test_")
    assert len(first["apiKeySecret"]) == 46
    assert first["employees"] >= 6
    assert (process.data_dir / "master.key").stat().st_mode & 0o777 == 0o600


def test_demo_documents_are_real_pdfs_naming_the_document(tmp_path):
    process = ServerProcess()
    company_id = demo(process)["companyId"]
    with sqlite3.connect(process.data_dir / "jobticket.sqlite") as connection:
        rows = connection.execute(
            "SELECT d.id, d.name, f.bytes FROM document_files f JOIN documents d ON d.id = f.document_id "
            "WHERE d.company_id = ? ORDER BY d.id", (company_id,)).fetchall()
    assert len(rows) >= 2
    names = {name for _, name, _ in rows}
    assert "Signed Job Ticket Contract" in names
    assert any(name.endswith("Transit Invoice") for name in names)
    for document_id, name, data in rows[:3] + [row for row in rows if row[1] == "Signed Job Ticket Contract"]:
        assert data[:5] == b"%PDF-"
        path = tmp_path / f"document-{document_id}.pdf"
        path.write_bytes(data)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, timeout=30, check=True).stdout
        assert name in text, f"document {document_id}: {name!r} not in {text!r}"
