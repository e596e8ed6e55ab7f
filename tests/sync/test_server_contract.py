"""The published contract: the OpenAPI document the server serves, and schemathesis fuzzing the running server
against it on both databases, with a station's token — no answer may be a 5xx or stray from the document."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sync.server.app import OPENAPI_PATH

ROOT = Path(__file__).resolve().parents[2]
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def test_the_server_publishes_typed_requests_and_answers_for_every_endpoint(live_server):
    response = live_server.request("GET", OPENAPI_PATH, protocol=None)
    assert response.status_code == 200
    document = response.json()
    paths = document["paths"]
    assert set(paths) == {"/api/health", "/api/v1/enroll", "/api/v1/push", "/api/v1/pull", "/api/v1/summary",
                          "/api/v1/coverage", "/api/v1/stock"}
    schemas = document["components"]["schemas"]
    for name in ("EnrollRequest", "EnrollAnswer", "PushRequest", "ChangeWire", "PushAnswer", "PullAnswer",
                 "SummaryAnswer", "HealthAnswer", "ErrorAnswer", "CoverageAnswer",
                 "StockAnswer"):
        assert name in schemas, name
    push = paths["/api/v1/push"]["post"]
    assert push["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/PushRequest")
    assert {"200", "400", "401", "413", "426", "503"} <= set(push["responses"])
    assert paths["/api/v1/pull"]["get"]["responses"]["200"]["content"]["application/json"]["schema"][
        "$ref"].endswith("/PullAnswer")
    assert OPENAPI_PATH in (ROOT / "docs" / "sync-protocol.md").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("headers", [[], ["-H", "X-Protocol-Version: 1"]], ids=["any-headers", "protocol-1"])
def test_schemathesis_finds_no_server_error_and_no_answer_off_the_document(live_server, tmp_path, headers):
    station = live_server.enroll()
    report = tmp_path / "schemathesis.xml"
    run = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "run", live_server.base_url + OPENAPI_PATH,
         "-H", f"Authorization: Bearer {station.token}", *headers, "--checks", CHECKS, "--max-examples", "40",
         "--seed", "8", "--generation-database", "none", "--no-color", "--workers", "1",
         "--report", "junit", "--report-junit-path", str(report)],
        capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr[-2000:]
    assert "passed" in run.stdout and report.exists()
    assert live_server.request("GET", "/api/health", protocol=None).status_code == 200  # still standing
