"""Where a letter's PDF goes: the private "letters" storage (STORAGES["letters"]), under a name fixed
by its reference, so a second rendering of the same letter overwrites the same file."""

import os
import tempfile

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages


class AtomicFileSystemStorage(FileSystemStorage):
    """A private folder (never under STATIC_ROOT, never served by WhiteNoise) where each file is
    written under a temporary name in the same folder, then moved into place with os.replace: a worker
    killed mid-write leaves no half file under the final name."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_overwrite", True)
        kwargs.setdefault("base_url", None)
        super().__init__(**kwargs)

    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        os.makedirs(directory, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".partial-", suffix=".pdf")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                for chunk in content.chunks():
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temporary, self.file_permissions_mode or 0o640)
            os.replace(temporary, full_path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
        return name

    def url(self, name):
        raise ValueError("Letters are private: they are served by the inbox view, never by URL.")


def letter_pdf_name(letter) -> str:
    return f"{letter.created_at:%Y/%m}/courrier-{letter.reference}.pdf"


def letter_store_pdf(*, letter, pdf: bytes) -> str:
    """Writes the PDF under its fixed name (overwriting a copy left by an interrupted run)."""
    storage = storages["letters"]
    name = letter_pdf_name(letter)
    if storage.exists(name) and not getattr(storage, "allow_overwrite", True):
        storage.delete(name)
    saved = storage.save(name, ContentFile(pdf))
    if saved != name:  # a backend that renames instead of overwriting: keep one file per letter
        raise RuntimeError(f"letters storage saved {name} as {saved}")
    return saved
