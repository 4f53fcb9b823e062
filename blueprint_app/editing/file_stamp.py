"""What a file looked like when we last read or wrote it, to notice changes made by others.

Qt-free, so the session can record it on open and save.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from blueprint_app.editing.session import Session


@dataclass(frozen=True)
class FileStamp:
    """What the file looked like when we last read or wrote it."""

    mtime_ns: int
    size: int
    digest: str

    @classmethod
    def of(cls, path: Path) -> FileStamp | None:
        """The stamp of ``path`` now; None when it cannot be read (gone, no permission)."""
        try:
            stat = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None
        return cls(stat.st_mtime_ns, stat.st_size, digest)

    @classmethod
    def stale(cls) -> FileStamp:
        """A stamp no file matches: the next save over the file asks first."""
        return cls(-1, -1, "")

    def same_content(self, other: FileStamp) -> bool:
        """Equal bytes; a file only touched (new time, same bytes) was not changed."""
        return self.size == other.size and self.digest == other.digest


def changed_on_disk(session: Session, path: Path) -> bool:
    """True when saving ``session`` to ``path`` would overwrite a change made by someone else.

    Only the session's own file is checked (a file picked in Save As was just confirmed by the
    file dialog); a file that has disappeared is simply written again.
    """
    recorded = session.disk_stamp
    if recorded is None or session.path is None or path.absolute() != session.path:
        return False
    try:
        stat = path.stat()
    except OSError:
        return False
    if stat.st_mtime_ns == recorded.mtime_ns and stat.st_size == recorded.size:
        return False  # the quick check: untouched since we read or wrote it
    current = FileStamp.of(path)
    return current is not None and not recorded.same_content(current)
