"""Ralph's LRS API as the Latih tests run it: `uvicorn lrs_app:app` (see tests/e2e/support/lrs.mjs).

Ralph's file backend ("fs", one jsonl file) writes with the CREATE operation by default, which
refuses to write to a file that already exists: the first POST stores its statements and every
later one fails with a 500. Appending is what an LRS does, so the client the statements router
holds is set to APPEND before the server takes a request.

Settings come from the environment, as for `ralph runserver`:
  RALPH_APP_DIR                                 where `ralph auth -w` wrote auth.json
  RALPH_RUNSERVER_BACKEND=fs
  RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH
                                                the folder of the statements' jsonl file
  RALPH_RUNSERVER_CORS_ALLOW_ORIGINS            a JSON list of origins, e.g. '["http://127.0.0.1:8080"]'
  RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT         the largest page a GET returns (Ralph: 100). The
                                                file backend reads its file from the start for
                                                every page, so reading N statements back costs
                                                about N^2 / (2 * page) lines. Reading 50,000
                                                statements took 124 s by pages of 100, 22 s by
                                                1000 and 11 s by 5000 (2-core machine, busy):
                                                lrs.mjs asks for 1000, pages of about 2 MB.
"""

from ralph.api import app  # noqa: F401  (the ASGI app uvicorn serves)
from ralph.api.routers import statements
from ralph.backends.data.base import BaseOperationType

statements.BACKEND_CLIENT.default_operation_type = BaseOperationType.APPEND
