# Polls CodeArts Check with the official SDK: its own retry of 429s (HttpConfig.retry_times,
# urllib3's Retry underneath), and a loop sleeping 3 s between polls, retrying 5xx.
# Usage (in a virtualenv with huaweicloudsdkcodecheck): python sdk_check_poller.py <URL> fuzz-<k>
import sys, time
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkcore.exceptions import exceptions
from huaweicloudsdkcodecheck.v2 import CodeCheckClient, ShowProgressDetailRequest

base, task = sys.argv[1], sys.argv[2]
config = HttpConfig.get_default_config()
config.retry_times = 3
client = (CodeCheckClient.new_builder().with_http_config(config)
          .with_credentials(BasicCredentials("A" * 20, "S" * 40, "0123456789abcdef0123456789abcdef"))
          .with_endpoints([base]).build())
start = time.time()
while time.time() - start < 120:
    try:
        response = client.show_progress_detail(ShowProgressDetailRequest(task_id=task))
        if response.task_status not in (0, None):
            print(task, "finished", response.task_status); break
    except exceptions.ServiceResponseException as error:
        if error.status_code < 500 and error.status_code != 429:
            print(task, "error", error.status_code); break
    except exceptions.SdkException as error:
        pass
    time.sleep(3)
else:
    print(task, "deadline")
