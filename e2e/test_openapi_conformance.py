"""Real responses of every endpoint validated against /openapi.json, so the document and the
handlers cannot drift apart: an added, dropped or renamed field fails here."""
import copy

import jsonschema_rs
import pytest
import requests

from demo_server import start_demo_server


@pytest.fixture(scope="module")
def demo():
    server = start_demo_server()
    yield server
    assert server.process.stop() == 0, server.process.log()


@pytest.fixture(scope="module")
def document(demo):
    response = requests.get(demo.base_url + "/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    assert spec["openapi"] == "3.1.0"
    return spec


def validator(document, path, method, status, media="application/json"):
    schema = document["paths"][path][method]["responses"][str(status)]["content"][media]["schema"]
    return jsonschema_rs.validator_for({**schema, "components": document["components"]})


def fetch(demo, path, **kwargs):
    return requests.get(demo.base_url + path, auth=demo.auth, **kwargs)


def first_ids(demo):
    employees = fetch(demo, "/employees", params={"perPage": 100}).json()["data"]["data"]
    documents = fetch(demo, "/employee-documents", params={"perPage": 100}).json()["data"]["data"]
    downloadable = next(d for d in documents if d["downloadable"])
    blocked = next(d for d in documents if not d["downloadable"])
    return employees[0]["id"], downloadable["id"], blocked["id"]


READS = [
    ("/employees", "/employees"),
    ("/employees/{id}", "/employees/{employee}"),
    ("/employees/{id}/documents", "/employees/{employee}/documents"),
    ("/employee-documents", "/employee-documents"),
    ("/employee-documents/{id}", "/employee-documents/{document}"),
    ("/hr-integrations", "/hr-integrations"),
    ("/hr-integrations/{id}", "/hr-integrations/1"),
    ("/hr-integrations/{id}/syncs", "/hr-integrations/1/syncs"),
    ("/hr-integrations/{id}/syncs/{syncId}", "/hr-integrations/1/syncs/demo-seed"),
    ("/health", "/health"),
]


@pytest.mark.parametrize("template,path", READS)
def test_every_read_endpoint_matches_its_schema(demo, document, template, path):
    employee, downloadable, _ = first_ids(demo)
    response = fetch(demo, path.format(employee=employee, document=downloadable))
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    validator(document, template, "get", 200).validate(response.json())
    if template != "/health":
        assert response.headers["RateLimit-Policy"] == '"per-key";q=1000000;w=60'


def test_problems_match_the_problem_schema(demo, document):
    employee, _, blocked = first_ids(demo)
    cases = [
        ("/employees/{id}", fetch(demo, "/employees/999999"), 404),
        ("/employees", fetch(demo, "/employees", params={"perPage": 101}), 400),
        ("/employees", requests.get(demo.base_url + "/employees"), 401),
        ("/employee-documents/{id}/download", fetch(demo, f"/employee-documents/{blocked}/download"), 409),
    ]
    for template, response, status in cases:
        assert response.status_code == status
        assert response.headers["Content-Type"] == "application/problem+json"
        validator(document, template, "get", status, "application/problem+json").validate(response.json())


def test_sync_responses_match_their_schemas(demo, document):
    roster = {"syncId": "conformance-1", "employees": [{
        "firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com", "hrId": "conf-1", "startDate": "2024-01-01"}]}
    dry = requests.post(demo.base_url + "/hr-integrations/1/sync?dryRun=true&confirmMassOffboarding=true", json=roster, auth=demo.auth)
    assert dry.status_code == 200, dry.text
    validator(document, "/hr-integrations/{id}/sync", "post", 200).validate(dry.json())
    invalid = requests.post(demo.base_url + "/hr-integrations/1/sync", json={"syncId": "x", "employees": [{}]}, auth=demo.auth)
    assert invalid.status_code == 422
    validator(document, "/hr-integrations/{id}/sync", "post", 422, "application/problem+json").validate(invalid.json())


@pytest.mark.parametrize("mutation", ["add", "drop", "rename"])
def test_the_schemas_catch_drift(demo, document, mutation):
    employee, _, _ = first_ids(demo)
    body = fetch(demo, f"/employees/{employee}").json()
    check = validator(document, "/employees/{id}", "get", 200)
    check.validate(body)
    drifted = copy.deepcopy(body)
    resource = drifted["data"]
    if mutation == "add":
        resource["nickname"] = "Ada"
    elif mutation == "drop":
        del resource["subscription"]["nextTicketAt"]
    else:
        resource["hrIntegrationLinks"] = resource.pop("hrIntergartionLinks")
    assert not check.is_valid(drifted)


def test_the_contract_example_matches_the_employee_schema(document):
    response = document["paths"]["/employees/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
    validator(document, "/employees/{id}", "get", 200).validate(response["example"])
    assert response["example"]["data"]["hrIntergartionLinks"][0]["hrId"] == "emp_HR_001"
