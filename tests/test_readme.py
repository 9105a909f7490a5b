"""The README's Python example runs as written and prints what the README
says it prints: the first ```python block under "## Python" is run, and its
output compared with the plain ``` block that follows it."""
import os
import re
import subprocess
import sys

README = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "README.md")


def blocks():
    with open(README, encoding="utf-8") as f:
        text = f.read()
    section = text.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    output = re.search(r"```python\n.*?```.*?```\n(.*?)```", section, re.S).group(1)
    return code, output


def test_python_example(tmp_path):
    code, expected = blocks()
    assert "import attrib" in code
    run = subprocess.run([sys.executable, "-"], input=code, capture_output=True, text=True,
                         cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout == expected
