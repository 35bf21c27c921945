"""The engine is a library: importing it must not pull in Django."""

import subprocess
import sys


def test_importing_the_engine_does_not_import_django():
    # A fresh interpreter: pytest-django has already imported Django into this one.
    code = "import sys, parindex.scoring; print('django' in sys.modules)"
    output = subprocess.run(  # noqa: S603 - our own interpreter, a fixed command
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "False"
