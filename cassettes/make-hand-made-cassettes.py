#!/usr/bin/env python3
"""Writes the hand-made polling cassettes in cassettes/ from the documented payloads.

Run from the package root: python3 cassettes/make-hand-made-cassettes.py
The output is canonical (sorted keys, two-space indentation, final newline), the same bytes
Tape itself writes; the tests check that loading and saving each one changes nothing.
"""
import json

PROJECT = "0123456789abcdef0123456789abcdef"
TOKEN = [["X-Auth-Token", "<X_AUTH_TOKEN>"]]
REDACTED = ["request.header.X-Auth-Token"]
JSON_TYPE = ["Content-Type", "application/json;charset=UTF-8"]


def interaction(url, body, index, status=200, headers=(), repeat=1, every_ms=5000):
    item = {
        "request": {"method": "GET", "url": url, "headers": sorted(TOKEN + list(headers), key=lambda h: h[0].lower())},
        "response": {
            "status": status,
            "headers": [JSON_TYPE, ["X-Request-Id", f"hand-made-{index:04d}"]],
            "body": {"json": body},
        },
        "offsetMilliseconds": index * every_ms,
        "durationMilliseconds": 120,
        "redacted": REDACTED,
    }
    if repeat != 1:
        item["repeat"] = repeat
    return item


def cassette(name, source, interactions):
    data = {
        "formatVersion": 1,
        "metadata": {"origin": "hand-made", "source": source},
        "interactions": interactions,
    }
    with open(f"cassettes/{name}.json", "w", encoding="utf-8") as file:
        file.write(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


cpts_url = f"https://cpts.cn-north-4.myhuaweicloud.com/v1/{PROJECT}/test-suites/upload/processes"
def cpts_body(process_status, statuses):
    return {"code": "SVCSTG.CPTS.0000000", "message": "success", "extend": None,
            "json": {"process_status": process_status,
                     "details": [{"id": i, "name": f"Project {i}", "status": s, "cause": ""} for i, s in enumerate(statuses)]}}
cassette("cpts-import-polling", "corpus/cpts/seeds/show-process-200.json, polled: process_status 0, 0, 1", [
    interaction(cpts_url, cpts_body(0, [0, 0]), 0),
    interaction(cpts_url, cpts_body(0, [1, 0]), 1),
    interaction(cpts_url, cpts_body(1, [1, 1]), 2),
])

check_url = "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/progress"
cassette("check-task-polling", "corpus/check/seeds/task-progress-200.json, polled: ratio 0% (twice, stored once), 50%, 100%", [
    interaction(check_url, {"task_status": 0, "progress": {"ratio": "0%", "info": "running"}}, 0, repeat=2),
    interaction(check_url, {"task_status": 0, "progress": {"ratio": "50%", "info": "running"}}, 2),
    interaction(check_url, {"task_status": 2, "progress": {"ratio": "100%", "info": "success"}}, 3),
])

insight_url = f"https://dataartsinsight.cn-north-4.myhuaweicloud.com/v1/{PROJECT}/resource-package/import-tasks/2406a337-xxxx-a5b2-b01a61d2043b"
def insight_body(status, detail):
    return {"id": "2406a337-xxxx-a5b2-b01a61d2043b", "name": "string", "workspace_id": "12913c92-xxxx-b8fd-a72af3945b61",
            "obs_bucket": "test", "obs_object_key": "test.zip", "import_detail": detail, "status": status,
            "import_type": "import", "create_date": 9223372036854776000, "update_date": 9223372036854776000}
workspace = [["X-Workspace-Id", "12913c92-xxxx-b8fd-a72af3945b61"]]
cassette("insight-import-polling", "corpus/insight/seeds/import-task-200.json, polled: status 0, 4, 1, create_date beyond Int64", [
    interaction(insight_url, insight_body(0, ""), 0, headers=workspace),
    interaction(insight_url, insight_body(4, "Importing"), 1, headers=workspace),
    interaction(insight_url, insight_body(1, "Import successful. [Export resource list] Data source: 1"), 2, headers=workspace),
])

quality_url = f"https://dayu.cn-north-4.myhuaweicloud.com/v2/{PROJECT}/quality/resource/status/9f8e7d6c-0000-4000-8000-000000000002"
def quality_body(status, file_status):
    return {"id": "a1b2c3d4-0000-4000-8000-000000000001", "resource_id": "9f8e7d6c-0000-4000-8000-000000000002",
            "resource_type": "RULE_TEMPLATE", "action": "EXPORT", "file_name": "rule_templates.zip",
            "status": status, "file_status": file_status}
quality_workspace = [["workspace", "0a1b2c3d4e5f"]]
cassette("quality-export-polling", "corpus/quality/seeds/synthesized-status-200.json, polled: WAITING, RUNNING, SUCCESS with file PREPARING then GENERATED", [
    interaction(quality_url, quality_body("WAITING", "PREPARING"), 0, headers=quality_workspace),
    interaction(quality_url, quality_body("RUNNING", "PREPARING"), 1, headers=quality_workspace),
    interaction(quality_url, quality_body("SUCCESS", "PREPARING"), 2, headers=quality_workspace),
    interaction(quality_url, quality_body("SUCCESS", "GENERATED"), 3, headers=quality_workspace),
])

drs_base = f"https://drs.cn-north-4.myhuaweicloud.com/v5/{PROJECT}/jobs"
drs_url = f"{drs_base}/c7debc9c-8e09-4a5d-8dd6-cc44f78jb20r/db-object/template/progress"
drs_headers = [["Content-Type", "application/json"], ["X-Language", "en-us"]]
cassette("drs-template-progress", "corpus/drs/seeds: a wrong job id answers 400 DRS.10000010; the right one parses, then succeeds", [
    interaction(f"{drs_base}/00000000-0000-0000-0000-000000000000/db-object/template/progress",
                {"error_code": "DRS.10000010", "error_msg": "Job does not exist, please check job ID."}, 0,
                status=400, headers=drs_headers),
    interaction(drs_url, {"send_success": True}, 1, headers=drs_headers),
    interaction(drs_url, {"send_success": True, "process_status": "success", "parsed_success_number": "1"}, 2, headers=drs_headers),
])
