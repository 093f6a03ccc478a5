# A plain Python poller of CodeArts Check (urllib): 2 s between polls, 429 and 5xx retried
# after 2 s, a 60 s deadline. Usage: python3 urllib_check_poller.py <tape poll-fuzz URL> fuzz-<k>
import json, sys, time, urllib.request, urllib.error
base, task = sys.argv[1], sys.argv[2]
url = f"{base}/v2/tasks/{task}/progress"
start = time.time()
while time.time() - start < 60:
    try:
        with urllib.request.urlopen(url) as r:
            body = json.load(r)
        status = body.get("task_status")
        if status in (1, 2, 3):
            print(task, "finished", status); break
        time.sleep(2)
    except urllib.error.HTTPError as e:
        if e.code == 429 or e.code >= 500: time.sleep(2); continue
        print(task, "error", e.code); break
    except Exception as e:
        time.sleep(2)
else:
    print(task, "deadline")
