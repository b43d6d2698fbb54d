"""Trigger HR Sync end to end (spec §8, events §9): the real release binary with a fixed clock,
tenants made with the operator CLI, the outbox read straight from the SQLite file."""
import json
import sqlite3
import threading
import time
import uuid

import pytest
import requests

import conftest
from harness import ServerProcess

NOW = "2024-05-14T06:00:00Z"
SYNC_PERMISSIONS = ["view-employees", "add-employees", "update-employees", "remove-employees"]
ALL_PERMISSIONS = SYNC_PERMISSIONS + ["view-hr-integrations"]
SUBSCRIPTION_CHANGED = "employee-subscription-changed"


def _start(extra=None):
    process = ServerProcess({"JOBTICKET_NOW": NOW, "JOBTICKET_LOG_FORMAT": "json", **(extra or {})}).start()
    conftest._servers.append(process)
    return process


def _stop(process):
    code = process.stop()
    conftest._servers.remove(process)
    assert code == 0, f"server exited {code}:\n{process.log()}"


@pytest.fixture(scope="module")
def sync_server():
    process = _start()
    yield process
    _stop(process)


# --- tenants and the outbox ----------------------------------------------------------------------


def cli_json(server, *args):
    return json.loads(server.run(*args, "--json").stdout)


def db_connect(server):
    connection = sqlite3.connect(server.data_dir / "jobticket.sqlite", timeout=10)
    connection.row_factory = sqlite3.Row
    return connection


class Tenant:
    """A fresh company with API access, one integration and a key, all made with the operator CLI."""

    def __init__(self, server, permissions=ALL_PERMISSIONS, company_id=None, integration_id=None):
        self.server = server
        if company_id is None:
            company_id = cli_json(server, "company", "create", "--name", f"Sync {uuid.uuid4().hex[:8]}",
                                  "--api-access", "enabled")["id"]
        self.company_id = company_id
        if integration_id is None:
            integration_id = cli_json(server, "integration", "create", "--company", str(company_id))["id"]
        self.integration_id = integration_id
        key = cli_json(server, "key", "create", "--company", str(company_id), "--name", "sync tests",
                       "--permissions", ",".join(permissions))
        self.key_id = key["id"]
        self.session = requests.Session()
        self.session.auth = (key["id"], key["secret"])

    def url(self, path):
        return self.server.base_url + path

    def sync(self, body, integration_id=None, **params):
        path = f"/hr-integrations/{integration_id or self.integration_id}/sync"
        query = {name: ("true" if value is True else value) for name, value in params.items()}
        return self.session.post(self.url(path), json=body, params=query, timeout=120)

    def sync_raw(self, data, content_type="application/json", **params):
        headers = {"Content-Type": content_type} if content_type else {}
        return self.session.post(self.url(f"/hr-integrations/{self.integration_id}/sync"), data=data,
                                 headers=headers, params=params, timeout=120)

    def ok_sync(self, body, **params):
        response = self.sync(body, **params)
        assert response.status_code == 204, response.text
        return response

    def get(self, path, **params):
        response = self.session.get(self.url(path), params=params, timeout=30)
        assert response.status_code == 200, response.text
        return response.json()["data"]

    def employees(self):
        """Every employee of the company, by id."""
        result, page = {}, 1
        while True:
            data = self.get("/employees", page=page, perPage=100)
            result.update({employee["id"]: employee for employee in data["data"]})
            if page >= data["totalPages"]:
                return result
            page += 1

    def by_hr_id(self):
        """Employees linked to this integration, by their hrId there."""
        result = {}
        for employee in self.employees().values():
            for link in employee["hrIntergartionLinks"]:
                if link["hrIntegrationId"] == self.integration_id:
                    result[link["hrId"]] = employee
        return result

    def integration(self):
        return self.get(f"/hr-integrations/{self.integration_id}")

    def runs(self):
        return self.get(f"/hr-integrations/{self.integration_id}/syncs", perPage=100)["data"]

    def outbox_mark(self):
        with db_connect(self.server) as connection:
            return connection.execute("SELECT COALESCE(MAX(rowid), 0) FROM outbox_events").fetchone()[0]

    def events_since(self, mark):
        """This company's subscription events written after `mark`, as (employee id → payload)."""
        with db_connect(self.server) as connection:
            rows = connection.execute(
                "SELECT type, payload FROM outbox_events WHERE rowid > ? AND company_id = ? ORDER BY rowid",
                (mark, self.company_id)).fetchall()
        payloads = [json.loads(row["payload"]) for row in rows if row["type"] == SUBSCRIPTION_CHANGED]
        events = {payload["id"]: payload for payload in payloads}
        assert len(events) == len(payloads), f"one event per employee expected: {payloads}"
        return events

    def sql(self, statement, *args):
        with db_connect(self.server) as connection:
            connection.execute(statement, args)


# --- rosters and expectations ----------------------------------------------------------------------


def person(n, **overrides):
    entry = {"firstName": f"First{n}", "lastName": f"Last{n}", "email": f"person{n}@example.com",
             "profileImage": None, "dateOfBirth": "1990-04-15", "hrId": f"HR-{n:03d}", "startDate": "2024-03-01",
             "terminationDate": None, "autoSyncEmployee": None, "absences": []}
    entry.update(overrides)
    return entry


def roster(sync_id, *entries):
    return {"syncId": sync_id, "employees": list(entries)}


def sub(status="pending", startAt="2024-06-01", nextTicketAt=None, pausedAt=None, cancelledAt=None,
        reactivatedAt=None):
    return {"status": status, "startAt": startAt, "nextTicketAt": nextTicketAt, "pausedAt": pausedAt,
            "cancelledAt": cancelledAt, "reactivatedAt": reactivatedAt}


def event(employee_id, subscription):
    return {"id": employee_id, "resource": "employee", "subscription": subscription}


def link(tenant, hr_id, sync_id):
    return {"type": "hr-integration", "hrId": hr_id, "hrIntegrationId": tenant.integration_id,
            "lastSyncId": sync_id, "lastSynced": NOW}


def problem(response, status, slug):
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["type"].endswith(f"/problems/{slug}"), body
    assert body["status"] == status
    return body


def field_codes(body):
    return sorted((error["field"], error["code"]) for error in body.get("errors", []))


def baseline(tenant, count=3, sync_id="base"):
    """A first sync of `count` people; returns (employees by hrId, outbox mark after it)."""
    tenant.ok_sync(roster(sync_id, *[person(n) for n in range(1, count + 1)]))
    return tenant.by_hr_id(), tenant.outbox_mark()


# --- applying rosters -----------------------------------------------------------------------------


def test_first_sync_creates_pending_employees_links_them_and_activates_the_integration(sync_server):
    tenant = Tenant(sync_server)
    assert tenant.integration()["status"] == "INITIAL SYNC PENDING"
    assert tenant.integration()["lastSync"] is None
    mark = tenant.outbox_mark()
    later = person(3, startDate="2024-07-15", profileImage="https://img.example.com/3.png", dateOfBirth=None,
                   absences=None, salary=99999)  # unknown fields are ignored
    response = tenant.sync(roster("sync-2024-05-14-001", person(1), person(2, email="Mixed.Case@Example.COM"), later))
    assert response.status_code == 204, response.text
    assert response.content == b""
    assert response.headers["Location"] == f"/hr-integrations/{tenant.integration_id}/syncs/sync-2024-05-14-001"

    integration = tenant.integration()
    assert integration["status"] == "ACTIVE"
    assert integration["linkedEmployees"] == 3
    assert integration["lastSync"] == {"syncId": "sync-2024-05-14-001", "syncedAt": NOW, "added": 3, "updated": 0,
                                       "offboarded": 0, "unchanged": 0}

    employees = tenant.by_hr_id()
    assert sorted(employees) == ["HR-001", "HR-002", "HR-003"]
    assert len(tenant.employees()) == 3
    for hr_id, employee in employees.items():
        assert employee["hrIntergartionLinks"] == [link(tenant, hr_id, "sync-2024-05-14-001")]
        assert employee["plan"] == {"type": "split-pay-plan", "contractSigningStatus": "pending",
                                    "employeeContributionAmount": {"label": "€29.00", "value": 29.0}}
        assert employee["ticket"] is None
        assert employee["resource"] == "employee"
    first = employees["HR-001"]
    assert (first["firstName"], first["lastName"], first["email"], first["dateOfBirth"], first["profileImage"]) == \
        ("First1", "Last1", "person1@example.com", "1990-04-15", None)
    assert first["subscription"] == sub()
    assert employees["HR-002"]["email"] == "Mixed.Case@Example.COM", "the address is kept as sent"
    third = employees["HR-003"]
    assert (third["profileImage"], third["dateOfBirth"]) == ("https://img.example.com/3.png", None)
    assert third["subscription"] == sub(startAt="2024-07-15"), "startAt is the later of startDate and next month"
    assert "salary" not in json.dumps(third)

    assert tenant.events_since(mark) == {employee["id"]: event(employee["id"], employee["subscription"])
                                         for employee in employees.values()}

    run = tenant.get(f"/hr-integrations/{tenant.integration_id}/syncs/sync-2024-05-14-001")
    assert {name: run[name] for name in ("syncId", "status", "startedAt", "finishedAt", "added", "updated",
                                          "offboarded", "unchanged", "skipped", "keyId")} == {
        "syncId": "sync-2024-05-14-001", "status": "applied", "startedAt": NOW, "finishedAt": NOW, "added": 3,
        "updated": 0, "offboarded": 0, "unchanged": 0, "skipped": 0, "keyId": tenant.key_id}
    assert len(run["payloadSha256"]) == 64


def test_changed_name_updates_the_employee_without_a_subscription_event(sync_server):
    tenant = Tenant(sync_server)
    before, mark = baseline(tenant)
    tenant.ok_sync(roster("second", person(1), person(2, firstName="Zoë", lastName="Weiß-Groß"), person(3)))
    after = tenant.by_hr_id()
    changed = after["HR-002"]
    assert (changed["firstName"], changed["lastName"]) == ("Zoë", "Weiß-Groß")
    assert changed["subscription"] == before["HR-002"]["subscription"]
    for hr_id in ("HR-001", "HR-003"):
        assert {**after[hr_id], "hrIntergartionLinks": None} == {**before[hr_id], "hrIntergartionLinks": None}
    for hr_id, employee in after.items():
        assert employee["hrIntergartionLinks"] == [link(tenant, hr_id, "second")], "every link records the sync"
    assert tenant.events_since(mark) == {}
    assert tenant.integration()["lastSync"] == {"syncId": "second", "syncedAt": NOW, "added": 0, "updated": 1,
                                               "offboarded": 0, "unchanged": 2}


def test_changed_email_updates_the_employee_without_a_subscription_event(sync_server):
    tenant = Tenant(sync_server)
    before, mark = baseline(tenant)
    tenant.ok_sync(roster("second", person(1, email="Anna.New@Example.org"), person(2), person(3)))
    after = tenant.by_hr_id()
    assert after["HR-001"]["id"] == before["HR-001"]["id"]
    assert after["HR-001"]["email"] == "Anna.New@Example.org"
    found = tenant.get("/employees", email="anna.new@example.org")["data"]
    assert [employee["id"] for employee in found] == [before["HR-001"]["id"]]
    assert tenant.get("/employees", email="person1@example.com")["data"] == []
    assert tenant.events_since(mark) == {}
    assert tenant.integration()["lastSync"]["updated"] == 1


def test_email_of_another_employee_is_422_email_taken_and_changes_nothing(sync_server):
    tenant = Tenant(sync_server)
    before, mark = baseline(tenant)
    # HR-002 takes HR-001's address while HR-001 leaves the roster; a new HR-009 takes the address
    # HR-003 moves away from in the same roster (no swaps: it belonged to HR-003 before the sync).
    response = tenant.sync(roster("taken", person(2, email="PERSON1@example.com"), person(3, email="p3@example.org"),
                                  person(9, email="person3@example.com", hrId="HR-009")), confirmMassOffboarding=True)
    body = problem(response, 422, "validation-failed")
    assert field_codes(body) == [("employees[0].email", "email-taken"), ("employees[2].email", "email-taken")]
    assert tenant.by_hr_id() == before
    assert tenant.events_since(mark) == {}
    assert [run["syncId"] for run in tenant.runs()] == ["base"]


def test_removed_employee_is_offboarded_but_stays_readable(sync_server):
    tenant = Tenant(sync_server)
    before, mark = baseline(tenant)
    tenant.ok_sync(roster("without-3", person(1), person(2)))
    gone = tenant.get(f"/employees/{before['HR-003']['id']}")
    assert gone["subscription"] == sub("scheduled-cancellation", cancelledAt="2024-05-31")
    assert (gone["firstName"], gone["email"]) == ("First3", "person3@example.com")
    assert tenant.get(f"/employees/{gone['id']}/documents", perPage=10)["total"] == 0
    assert tenant.events_since(mark) == {gone["id"]: event(gone["id"], gone["subscription"])}
    integration = tenant.integration()
    assert integration["linkedEmployees"] == 2
    assert integration["lastSync"] == {"syncId": "without-3", "syncedAt": NOW, "added": 0, "updated": 0,
                                       "offboarded": 1, "unchanged": 2}

    # Two of the remaining two (100 % > 50 %) need the confirmation.
    mark = tenant.outbox_mark()
    refused = tenant.sync(roster("only-new", person(4)))
    body = problem(refused, 422, "mass-offboarding-blocked")
    assert "2" in body["detail"]
    assert tenant.events_since(mark) == {}
    assert len(tenant.employees()) == 3
    tenant.ok_sync(roster("only-new", person(4)), confirmMassOffboarding=True)
    after = tenant.by_hr_id()
    for hr_id in ("HR-001", "HR-002"):
        assert after[hr_id]["subscription"] == sub("scheduled-cancellation", cancelledAt="2024-05-31")
    assert after["HR-004"]["subscription"] == sub()
    assert after["HR-003"]["subscription"] == gone["subscription"], "an offboarded employee is not offboarded again"
    assert set(tenant.events_since(mark)) == {after[h]["id"] for h in ("HR-001", "HR-002", "HR-004")}
    assert tenant.integration()["linkedEmployees"] == 1


def test_termination_in_the_future_and_in_the_past(sync_server):
    tenant = Tenant(sync_server)
    before, mark = baseline(tenant)
    tenant.ok_sync(roster("terminations", person(1, terminationDate="2024-07-10"),
                          person(2, terminationDate="2024-04-02"), person(3)))
    after = tenant.by_hr_id()
    assert after["HR-001"]["subscription"] == sub("scheduled-cancellation", cancelledAt="2024-07-31")
    assert after["HR-002"]["subscription"] == sub("cancelled", cancelledAt="2024-04-30")
    assert after["HR-003"] == {**before["HR-003"], "hrIntergartionLinks": [link(tenant, "HR-003", "terminations")]}
    assert tenant.events_since(mark) == {after[h]["id"]: event(after[h]["id"], after[h]["subscription"])
                                         for h in ("HR-001", "HR-002")}
    assert tenant.integration()["linkedEmployees"] == 3, "terminated employees are still on the roster"

    # Withdrawing the future termination restores the previous status.
    mark = tenant.outbox_mark()
    tenant.ok_sync(roster("withdrawn", person(1), person(2, terminationDate="2024-04-02"), person(3)))
    restored = tenant.by_hr_id()["HR-001"]
    assert restored["subscription"] == sub()
    assert tenant.events_since(mark) == {restored["id"]: event(restored["id"], sub())}


def test_absences_pause_whole_months_only(sync_server):
    tenant = Tenant(sync_server)
    before, mark = baseline(tenant)
    tenant.ok_sync(roster("absences",
                          person(1, absences=[{"startDate": "2024-07-01", "endDate": "2024-07-31", "type": "leave"}]),
                          person(2, absences=[{"startDate": "2024-07-05", "endDate": "2024-07-20", "type": None}]),
                          person(3)))
    after = tenant.by_hr_id()
    # Contracts are not accepted yet, so the status stays pending; the pause is scheduled anyway.
    assert after["HR-001"]["subscription"] == sub(pausedAt="2024-07-01", reactivatedAt="2024-08-01")
    assert after["HR-002"]["subscription"] == before["HR-002"]["subscription"]
    assert tenant.events_since(mark) == {after["HR-001"]["id"]: event(after["HR-001"]["id"],
                                                                       after["HR-001"]["subscription"])}
    assert tenant.integration()["lastSync"]["updated"] == 2, "the short absence is stored though it does not pause"


# The demo company (spec §6.1 statuses relative to today = 2024-05-14), as DemoRoster builds it.
DEMO = [
    # firstName, lastName, e-mail stem, startDate, terminationDate, absences
    ("Anna", "Müller", "anna.mueller", "2024-06-01", None, []),
    ("Jürgen", "Schmidt", "juergen.schmidt", "2024-02-01", None, []),
    ("Sophie", "Weiß", "sophie.weiss", "2024-02-01", None,
     [{"startDate": "2024-07-01", "endDate": "2024-07-31", "type": "parental-leave"}]),
    ("Mehmet", "Yılmaz", "mehmet.yilmaz", "2024-02-01", None,
     [{"startDate": "2024-05-01", "endDate": "2024-06-30", "type": "sabbatical"}]),
    ("Lena", "Becker", "lena.becker", "2024-02-01", "2024-05-31", []),
    ("Lukas", "Hoffmann", "lukas.hoffmann", "2024-02-01", "2024-04-30", []),
]


def demo_roster(sync_id, **changes):
    entries = []
    for index, (first, last, stem, start, termination, absences) in enumerate(DEMO):
        entry = {"firstName": first, "lastName": last, "email": f"{stem}.{index + 1:04d}@demo.example",
                 "profileImage": None, "dateOfBirth": f"{1970 + index}-{index % 12 + 1:02d}-{index % 28 + 1:02d}",
                 "hrId": f"DEMO-{index + 1:04d}", "startDate": start, "terminationDate": termination,
                 "autoSyncEmployee": None, "absences": absences}
        entry.update(changes.get(entry["hrId"], {}))
        entries.append(entry)
    return roster(sync_id, *entries)


def test_demo_company_roster_is_unchanged_and_an_absence_schedules_a_pause(sync_server):
    demo = cli_json(sync_server, "demo", "--employees", "6")
    tenant = Tenant(sync_server, company_id=demo["companyId"], integration_id=demo["hrIntegrationId"])
    before = tenant.by_hr_id()
    assert [before[f"DEMO-{n:04d}"]["subscription"]["status"] for n in range(1, 7)] == \
        ["pending", "active", "scheduled-pause", "paused", "scheduled-cancellation", "cancelled"]
    mark = tenant.outbox_mark()

    dry = tenant.sync(demo_roster("demo-same"), dryRun=True)
    assert dry.status_code == 200, dry.text
    assert [change["action"] for change in dry.json()["data"]["changes"]] == ["unchanged"] * 6, dry.json()
    tenant.ok_sync(demo_roster("demo-same"))
    assert tenant.integration()["lastSync"]["unchanged"] == 6
    assert tenant.events_since(mark) == {}

    july = [{"startDate": "2024-07-01", "endDate": "2024-07-31", "type": "leave"}]
    short = [{"startDate": "2024-07-05", "endDate": "2024-07-20", "type": "leave"}]
    tenant.ok_sync(demo_roster("demo-absent", **{"DEMO-0002": {"absences": july}, "DEMO-0001": {"absences": short}}))
    after = tenant.by_hr_id()
    paused = after["DEMO-0002"]
    assert paused["subscription"] == sub("scheduled-pause", startAt="2024-02-01", nextTicketAt="2024-06-01",
                                         pausedAt="2024-07-01", reactivatedAt="2024-08-01")
    assert after["DEMO-0001"]["subscription"] == before["DEMO-0001"]["subscription"]
    assert tenant.events_since(mark) == {paused["id"]: event(paused["id"], paused["subscription"])}
    assert tenant.integration()["lastSync"] == {"syncId": "demo-absent", "syncedAt": NOW, "added": 0, "updated": 2,
                                               "offboarded": 0, "unchanged": 4}


def test_rehire_restores_the_link_and_withdraws_the_cancellation(sync_server):
    tenant = Tenant(sync_server)
    before, mark = baseline(tenant)
    tenant.ok_sync(roster("leave", person(1), person(2, terminationDate="2024-04-02")))  # HR-003 offboarded
    gone = tenant.by_hr_id()
    assert gone["HR-003"]["subscription"] == sub("scheduled-cancellation", cancelledAt="2024-05-31")
    assert gone["HR-002"]["subscription"] == sub("cancelled", cancelledAt="2024-04-30")
    tenant.ok_sync(roster("leave-2", person(1)))  # HR-002 offboarded after the cancellation took effect
    assert tenant.integration()["linkedEmployees"] == 1

    mark = tenant.outbox_mark()
    tenant.ok_sync(roster("back", person(1), person(2), person(3)))
    back = tenant.by_hr_id()
    assert back["HR-003"]["id"] == before["HR-003"]["id"]
    assert back["HR-003"]["subscription"] == sub(), "a cancellation not yet in effect is withdrawn"
    assert back["HR-002"]["id"] == before["HR-002"]["id"]
    assert back["HR-002"]["subscription"] == sub(), "a cancelled subscription becomes pending again"
    assert back["HR-003"]["hrIntergartionLinks"] == [link(tenant, "HR-003", "back")]
    assert tenant.events_since(mark) == {back[h]["id"]: event(back[h]["id"], sub()) for h in ("HR-002", "HR-003")}
    integration = tenant.integration()
    assert integration["linkedEmployees"] == 3
    assert integration["lastSync"] == {"syncId": "back", "syncedAt": NOW, "added": 0, "updated": 2, "offboarded": 0,
                                       "unchanged": 1}
    assert len(tenant.employees()) == 3, "re-hires are not new employees"


def test_auto_sync_false_is_recorded_but_never_applied(sync_server):
    tenant = Tenant(sync_server)
    before, mark = baseline(tenant)
    tenant.ok_sync(roster("manual", person(1, lastName="Changed", terminationDate="2024-06-10", autoSyncEmployee=False),
                          person(2), person(3, autoSyncEmployee=True),
                          person(4, autoSyncEmployee=False)))
    after = tenant.by_hr_id()
    assert sorted(after) == ["HR-001", "HR-002", "HR-003"], "no create for autoSyncEmployee: false"
    assert after["HR-001"] == {**before["HR-001"], "hrIntergartionLinks": [link(tenant, "HR-001", "manual")]}
    assert tenant.events_since(mark) == {}
    assert tenant.runs()[0]["skipped"] == 2
    assert tenant.integration()["lastSync"] == {"syncId": "manual", "syncedAt": NOW, "added": 0, "updated": 0,
                                               "offboarded": 0, "unchanged": 2}

    # Missing later: an unmanaged employee is not offboarded.
    tenant.ok_sync(roster("missing", person(2), person(3)))
    later = tenant.by_hr_id()
    assert later["HR-001"] == after["HR-001"]
    assert tenant.integration()["linkedEmployees"] == 3
    assert tenant.events_since(mark) == {}

    # Managed again (autoSyncEmployee null): changes apply, and a later absence offboards.
    tenant.ok_sync(roster("managed", person(1, lastName="Changed"), person(2), person(3)))
    assert tenant.by_hr_id()["HR-001"]["lastName"] == "Changed"
    tenant.ok_sync(roster("gone", person(2), person(3)))
    gone = tenant.by_hr_id()["HR-001"]
    assert gone["subscription"] == sub("scheduled-cancellation", cancelledAt="2024-05-31")
    assert set(tenant.events_since(mark)) == {gone["id"]}


def test_employee_of_the_company_is_linked_by_email_to_a_second_integration(sync_server):
    tenant = Tenant(sync_server)
    before, _ = baseline(tenant, count=2)
    second_id = cli_json(sync_server, "integration", "create", "--company", str(tenant.company_id),
                         "--name", "Second HR")["id"]
    mark = tenant.outbox_mark()
    response = tenant.sync(roster("other-hr", person(1, hrId="X-1", email="PERSON1@EXAMPLE.COM")),
                           integration_id=second_id)
    assert response.status_code == 204, response.text
    employee = tenant.get(f"/employees/{before['HR-001']['id']}")
    assert employee["hrIntergartionLinks"] == [
        link(tenant, "HR-001", "base"),
        {**link(tenant, "X-1", "other-hr"), "hrIntegrationId": second_id},
    ]
    assert len(tenant.employees()) == 2
    assert tenant.events_since(mark) == {}
    second = tenant.get(f"/hr-integrations/{second_id}")
    assert (second["status"], second["linkedEmployees"]) == ("ACTIVE", 1)
    assert second["lastSync"]["updated"] == 1


# --- idempotency, concurrency, safeguards ---------------------------------------------------------


def test_replay_of_a_sync_id_applies_nothing_and_reuse_with_another_payload_is_409(sync_server):
    tenant = Tenant(sync_server)
    body = roster("once", person(1, lastName="Müller-Lüdenscheidt"), person(2))
    tenant.ok_sync(body)
    before = tenant.employees()
    mark = tenant.outbox_mark()

    again = tenant.sync(body)
    assert again.status_code == 204, again.text
    assert again.headers["Location"] == f"/hr-integrations/{tenant.integration_id}/syncs/once"
    # Byte-identical after canonicalisation: key order and whitespace do not matter.
    reordered = json.dumps({"employees": [dict(reversed(list(e.items()))) for e in body["employees"]],
                            "syncId": "once"}, indent=3)
    assert tenant.sync_raw(reordered.encode()).status_code == 204
    assert tenant.sync_raw(json.dumps(body, ensure_ascii=False).encode()).status_code == 204
    assert tenant.employees() == before
    assert tenant.events_since(mark) == {}
    runs = tenant.runs()
    assert [(run["syncId"], run["status"]) for run in runs] == [("once", "replayed")] * 3 + [("once", "applied")]
    assert {run["payloadSha256"] for run in runs} == {runs[-1]["payloadSha256"]}
    assert tenant.integration()["lastSync"]["added"] == 2

    reused = tenant.sync(roster("once", person(1), person(2, firstName="Other")))
    body409 = problem(reused, 409, "sync-id-reused")
    assert "once" in body409["detail"]
    assert tenant.employees() == before
    assert len(tenant.runs()) == 4


def location_of_run(tenant, sync_id):
    response = tenant.ok_sync(roster(sync_id, person(1)))
    location = response.headers["Location"]
    assert location.startswith(f"/hr-integrations/{tenant.integration_id}/syncs/")
    run = tenant.session.get(tenant.url(location), timeout=30)
    assert run.status_code == 200, (location, run.text)
    assert run.json()["data"]["syncId"] == sync_id
    assert run.json()["data"]["_links"]["self"]["href"] == tenant.url(location)


def test_sync_id_with_reserved_characters_has_a_working_location(sync_server):
    location_of_run(Tenant(sync_server), "2024-05?x=1#a%20b+c:d@e")


def test_sync_id_with_a_slash_has_a_working_location(sync_server):
    location_of_run(Tenant(sync_server), "2024/05/14-001")


def big_roster(sync_id, count):
    return json.dumps({"syncId": sync_id, "employees": [
        {"firstName": "F", "lastName": f"L{n}", "email": f"e{n}@big.example", "hrId": f"B{n}",
         "startDate": "2024-01-01"} for n in range(count)]}).encode()


def test_concurrent_syncs_on_one_integration_one_wins_the_other_gets_409(sync_server):
    tenant = Tenant(sync_server)
    size = 20_000
    mark = tenant.outbox_mark()
    seen_409 = None
    applied = 0
    for attempt in range(4):
        bodies = [big_roster(f"big-{attempt}-{side}", size) for side in ("a", "b")]
        results = [None, None]
        barrier = threading.Barrier(2)

        def post(index):
            barrier.wait()
            results[index] = tenant.sync_raw(bodies[index])

        threads = [threading.Thread(target=post, args=(index,)) for index in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        statuses = sorted(result.status_code for result in results)
        assert set(statuses) <= {204, 409}, [result.text for result in results]
        assert 204 in statuses, "the sync holding the lock completes"
        applied += statuses.count(204)
        if 409 in statuses:
            seen_409 = next(result for result in results if result.status_code == 409)
            break
    assert seen_409 is not None, "no attempt overlapped"
    problem(seen_409, 409, "sync-in-progress")
    assert tenant.get("/employees", perPage=1)["total"] == size
    assert tenant.integration()["linkedEmployees"] == size
    assert len(tenant.events_since(mark)) == size, "only the first applied sync added employees"
    assert len(tenant.runs()) == applied

    dry = tenant.sync_raw(big_roster("big-dry", size), dryRun="true")
    assert dry.status_code == 200, dry.text
    data = dry.json()["data"]
    assert (data["unchanged"], data["added"], len(data["changes"]), data["truncated"]) == (size, 0, 1000, True)


def test_another_company_gets_404_even_while_the_integration_is_syncing(sync_server):
    owner = Tenant(sync_server)
    stranger = Tenant(sync_server)
    owner.ok_sync(roster("probe"))
    # A reused syncId with another payload: refused after taking the lock, so it writes nothing;
    # sync-in-progress instead of sync-id-reused means the big sync runs. (Dry runs take no lock.)
    probe = roster("probe", person(1))

    def syncing():
        response = owner.sync(probe)
        return response.status_code == 409 and response.json()["type"].endswith("/problems/sync-in-progress")

    for attempt in range(4):
        body = big_roster(f"slow-{attempt}", 20_000)
        done = []
        worker = threading.Thread(target=lambda: done.append(owner.sync_raw(body)))
        worker.start()
        foreign, still_running = None, False
        try:
            while worker.is_alive():
                if syncing():
                    foreign = stranger.sync(probe, integration_id=owner.integration_id)
                    still_running = syncing()
                    break
                time.sleep(0.02)
        finally:
            worker.join(timeout=120)
        if still_running:
            assert foreign.status_code == 404, foreign.text
            return
    pytest.skip("could not observe a running sync")


def test_empty_roster_needs_confirmation(sync_server):
    tenant = Tenant(sync_server)
    before, mark = baseline(tenant, count=2)
    refused = tenant.sync(roster("empty", ))
    body = problem(refused, 422, "mass-offboarding-blocked")
    assert "2" in body["detail"]
    assert (body.get("wouldOffboard"), body.get("linkedEmployees")) == (2, 2)
    assert tenant.by_hr_id() == before
    assert tenant.events_since(mark) == {}
    assert [run["syncId"] for run in tenant.runs()] == ["base"]

    tenant.ok_sync(roster("empty"), confirmMassOffboarding=True)
    after = tenant.by_hr_id()
    for hr_id in ("HR-001", "HR-002"):
        assert after[hr_id]["subscription"] == sub("scheduled-cancellation", cancelledAt="2024-05-31")
    assert tenant.events_since(mark) == {after[h]["id"]: event(after[h]["id"], after[h]["subscription"])
                                         for h in ("HR-001", "HR-002")}
    integration = tenant.integration()
    assert integration["linkedEmployees"] == 0
    assert integration["lastSync"]["offboarded"] == 2


def test_empty_roster_on_a_new_integration_needs_no_confirmation(sync_server):
    tenant = Tenant(sync_server)
    tenant.ok_sync(roster("nobody"))
    assert tenant.integration()["status"] == "ACTIVE"


def test_dry_run_reports_the_plan_and_writes_nothing(sync_server):
    tenant = Tenant(sync_server)
    fresh = tenant.sync(roster("dry-first", person(1)), dryRun=True)
    assert fresh.status_code == 200, fresh.text
    assert tenant.integration()["status"] == "INITIAL SYNC PENDING"
    assert tenant.employees() == {}

    before, mark = baseline(tenant)
    integration = tenant.integration()
    response = tenant.sync(roster("dry", person(1, lastName="Renamed"), person(2), person(4)), dryRun=True)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {"data": {
        "syncId": "dry", "added": 1, "updated": 1, "offboarded": 1, "unchanged": 1, "skipped": 0,
        "changes": [
            {"hrId": "HR-001", "employeeId": before["HR-001"]["id"], "action": "update", "fields": ["lastName"]},
            {"hrId": "HR-002", "employeeId": before["HR-002"]["id"], "action": "unchanged", "fields": []},
            {"hrId": "HR-004", "employeeId": None, "action": "add", "fields": []},
            {"hrId": "HR-003", "employeeId": before["HR-003"]["id"], "action": "offboard",
             "fields": ["terminationDate", "subscription"]},
        ],
        "truncated": False}}
    assert tenant.by_hr_id() == before
    assert tenant.events_since(mark) == {}
    assert tenant.integration() == integration
    assert [run["syncId"] for run in tenant.runs()] == ["base"]
    # No idempotency record either: the same syncId applies for real afterwards.
    tenant.ok_sync(roster("dry", person(1, lastName="Renamed"), person(2), person(4)))
    assert tenant.runs()[0]["status"] == "applied"
    assert tenant.by_hr_id()["HR-001"]["lastName"] == "Renamed"


# --- request validation ---------------------------------------------------------------------------


def test_every_422_problem_of_a_roster_is_listed_with_its_field_path(sync_server):
    tenant = Tenant(sync_server)
    body = {"syncId": "has space", "employees": [
        person(0, firstName="", lastName="x" * 101, email="not-an-email", hrId=None, startDate="2024-13-01"),
        person(1, dateOfBirth="2030-01-01", profileImage="http://img.example.com/1.png", terminationDate="2024-01-01",
               absences=[{"startDate": "2024-07-10", "endDate": "2024-07-01"}]),
        person(2, absences=[{"startDate": "2024-07-01", "endDate": "2024-07-10"},
                            {"startDate": "2024-07-05", "endDate": "2024-07-20"}]),
        person(3, hrId="HR-002", email="PERSON2@example.com"),
        person(4, firstName=None, email="a" * 243 + "@example.com", profileImage="https://x.example/" + "p" * 2040,
               hrId="h" * 129, absences=[{"endDate": "2024-07-01"}]),
        person(5, email="no-domain@localhost", hrId="", dateOfBirth="15.04.1990", terminationDate="soon"),
    ]}
    response = tenant.sync(body)
    problem_body = problem(response, 422, "validation-failed")
    assert field_codes(problem_body) == sorted([
        ("syncId", "invalid-format"),
        ("employees[0].firstName", "too-short"),
        ("employees[0].lastName", "too-long"),
        ("employees[0].email", "invalid-email"),
        ("employees[0].hrId", "required"),
        ("employees[0].startDate", "invalid-format"),
        ("employees[1].profileImage", "not-https"),
        ("employees[1].dateOfBirth", "in-future"),
        ("employees[1].terminationDate", "before-start-date"),
        ("employees[1].absences[0].endDate", "end-before-start"),
        ("employees[2].absences[1]", "overlapping"),
        ("employees[3].email", "duplicate-email"),
        ("employees[3].hrId", "duplicate-hr-id"),
        ("employees[4].firstName", "required"),
        ("employees[4].email", "too-long"),
        ("employees[4].profileImage", "too-long"),
        ("employees[4].hrId", "too-long"),
        ("employees[4].absences[0].startDate", "required"),
        ("employees[5].email", "invalid-email"),
        ("employees[5].hrId", "too-short"),
        ("employees[5].dateOfBirth", "invalid-format"),
        ("employees[5].terminationDate", "invalid-format"),
    ])
    assert all(error["message"] for error in problem_body["errors"])
    assert tenant.employees() == {}
    assert tenant.integration()["status"] == "INITIAL SYNC PENDING"

    assert field_codes(problem(tenant.sync({}), 422, "validation-failed")) == [("employees", "required"),
                                                                              ("syncId", "required")]
    long_id = problem(tenant.sync(roster("s" * 129)), 422, "validation-failed")
    assert field_codes(long_id) == [("syncId", "too-long")]
    assert tenant.sync(roster("s" * 128)).status_code == 204


def test_problem_lists_at_most_100_errors(sync_server):
    tenant = Tenant(sync_server)
    body = problem(tenant.sync(roster("many", *[person(n, email=f"bad{n}") for n in range(150)])), 422,
                   "validation-failed")
    assert "150" in body["detail"]
    assert len(body["errors"]) == 100
    assert body["errors"][99] == {"field": "employees[99].email", "code": "invalid-email",
                                  "message": body["errors"][99]["message"]}


def test_new_employees_get_the_company_default_plan(sync_server):
    company = cli_json(sync_server, "company", "create", "--name", f"Subsidized {uuid.uuid4().hex[:8]}",
                       "--api-access", "enabled", "--plan", "fully-subsidized-plan")
    tenant = Tenant(sync_server, company_id=company["id"])
    tenant.ok_sync(roster("plan", person(1, startDate="2025-01-01",
                                         absences=[{"startDate": "2025-03-01", "endDate": None, "type": "sabbatical"}])))
    employee = tenant.by_hr_id()["HR-001"]
    assert employee["plan"] == {"type": "fully-subsidized-plan", "contractSigningStatus": "pending",
                                "employeeContributionAmount": None}
    assert employee["subscription"] == sub(startAt="2025-01-01", pausedAt="2025-03-01")


def test_access_log_reports_the_real_duration_of_a_sync(sync_server):
    tenant = Tenant(sync_server)
    response = tenant.sync_raw(big_roster("timed", 3000))
    assert response.status_code == 204, response.text
    request_id = response.headers["X-Request-Id"]
    deadline = time.monotonic() + 5
    while not (lines := [json.loads(line) for line in sync_server.log().splitlines()
                         if request_id in line and '"msg":"request"' in line]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(lines) == 1, sync_server.log()[-2000:]
    assert float(lines[0]["durationMs"]) > 0, lines[0]


def test_non_json_and_wrong_json_types_are_400(sync_server):
    tenant = Tenant(sync_server)
    problem(tenant.sync_raw(b'{"syncId": "x", "employees": ['), 400, "bad-request")
    problem(tenant.sync_raw(b""), 400, "bad-request")
    array = problem(tenant.sync([person(1)]), 400, "bad-request")
    assert field_codes(array) == [("body", "invalid-type")]
    types = problem(tenant.sync({"syncId": 5, "employees": {"a": 1}}), 400, "bad-request")
    assert field_codes(types) == [("employees", "invalid-type"), ("syncId", "invalid-type")]
    # Only the type problems are reported, even with a 422 problem beside them.
    entry = person(1, firstName=7, email="bad", autoSyncEmployee="yes", startDate=20240301, absences="none")
    entries = problem(tenant.sync(roster("types", entry, person(2, absences=[["2024-07-01"]]))), 400, "bad-request")
    assert field_codes(entries) == sorted([
        ("employees[0].firstName", "invalid-type"), ("employees[0].startDate", "invalid-type"),
        ("employees[0].autoSyncEmployee", "invalid-type"), ("employees[0].absences", "invalid-type"),
        ("employees[1].absences[0]", "invalid-type")])
    assert tenant.employees() == {}


def test_body_without_json_content_type_is_415(sync_server):
    tenant = Tenant(sync_server)
    data = json.dumps(roster("typed", person(1))).encode()
    problem(tenant.sync_raw(data, content_type="text/plain"), 415, "unsupported-media-type")
    problem(tenant.sync_raw(data, content_type=None), 415, "unsupported-media-type")
    assert tenant.sync_raw(data, content_type="application/json; charset=utf-8").status_code == 204


def test_body_over_the_sync_limit_is_413():
    server = _start({"JOBTICKET_SYNC_BODY_LIMIT": "2048"})
    try:
        tenant = Tenant(server)
        small = json.dumps(roster("small", person(1))).encode()
        assert len(small) <= 2048
        assert tenant.sync_raw(small).status_code == 204
        large = json.dumps(roster("large", *[person(n) for n in range(1, 20)])).encode()
        assert len(large) > 2048
        problem(tenant.sync_raw(large), 413, "payload-too-large")
        assert tenant.integration()["lastSync"]["syncId"] == "small"
    finally:
        _stop(server)


# --- access ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("missing", SYNC_PERMISSIONS)
def test_key_without_one_of_the_four_sync_permissions_is_403(sync_server, missing):
    tenant = Tenant(sync_server, permissions=[p for p in ALL_PERMISSIONS if p != missing])
    response = tenant.sync(roster("forbidden", person(1)))
    body = problem(response, 403, "forbidden")
    assert body["missingPermissions"] == [missing]
    assert missing in body["detail"]
    with db_connect(sync_server) as connection:
        assert connection.execute("SELECT COUNT(*) FROM employees WHERE company_id = ?",
                                  (tenant.company_id,)).fetchone()[0] == 0


def test_the_four_sync_permissions_suffice(sync_server):
    tenant = Tenant(sync_server, permissions=SYNC_PERMISSIONS)
    tenant.ok_sync(roster("enough", person(1)))


def test_integration_of_another_company_is_404(sync_server):
    owner = Tenant(sync_server)
    stranger = Tenant(sync_server)
    response = stranger.sync(roster("foreign", person(1)), integration_id=owner.integration_id)
    problem(response, 404, "not-found")
    problem(stranger.sync(roster("foreign", person(1)), integration_id=99_999_999), 404, "not-found")
    problem(stranger.sync(roster("foreign", person(1)), integration_id="abc"), 400, "bad-request")
    problem(stranger.sync(roster("foreign", person(1)), integration_id=owner.integration_id, dryRun=True),
            404, "not-found")
    assert owner.integration()["status"] == "INITIAL SYNC PENDING"
    assert owner.employees() == {}


def test_disabled_integration_is_409(sync_server):
    tenant = Tenant(sync_server)
    before, mark = baseline(tenant)
    tenant.sql("UPDATE hr_integrations SET status = 'DISABLED' WHERE id = ?", tenant.integration_id)
    assert tenant.integration()["status"] == "DISABLED"
    response = tenant.sync(roster("disabled", person(1, lastName="Nope")))
    problem(response, 409, "conflict")
    problem(tenant.sync(roster("disabled", person(1)), dryRun=True), 409, "conflict")
    problem(tenant.sync(roster("base", person(1), person(2), person(3))), 409, "conflict")
    assert tenant.by_hr_id() == before
    assert tenant.events_since(mark) == {}
    assert len(tenant.runs()) == 1
