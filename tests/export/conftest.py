"""The export tests share the session's Qt application with the desktop-app tests.

The exports create an offscreen QGuiApplication when none runs; in a test
session that also runs widget tests, that would leave no room for the
QApplication widgets need. Starting pytest-qt's application first avoids it.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _qt_application(qapp):
    return qapp
