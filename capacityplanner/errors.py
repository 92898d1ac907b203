"""Errors the user can act on.

Every problem with user input is raised as :class:`InputError` carrying one
clear sentence that names the file, layer, row or field and what is wrong.
The command line prints it and exits with status 2; the GUI shows it in a
message box. Nothing else catches these silently.
"""


class InputError(Exception):
    """A problem with user input, described in one plain sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message
