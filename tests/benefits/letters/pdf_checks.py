"""What every letter PDF must be: tagged PDF/UA-1 with its title and language, fonts embedded, text."""

import io
import subprocess
import tempfile

import pikepdf


def pdf_structure(pdf: bytes) -> dict:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        root = document.Root
        with document.open_metadata() as meta:
            pdfua_part = str(meta.get("pdfuaid:part", ""))
        return {
            "struct_tree": "/StructTreeRoot" in root,
            "marked": bool(root.get("/MarkInfo", {}).get("/Marked", False)),
            "lang": str(root.get("/Lang", "")),
            "display_doc_title": bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)),
            "title": str(document.docinfo.get("/Title", "")),
            "author": str(document.docinfo.get("/Author", "")),
            "pdfua_part": pdfua_part,
            "pages": len(document.pages),
        }


def pdf_tool(tool: str, pdf: bytes, *args: str) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        return subprocess.run(
            [tool, *args, handle.name, *(["-"] if tool == "pdftotext" else [])],
            check=True,
            capture_output=True,
            text=True,
        ).stdout


def fonts(pdf: bytes) -> list[dict]:
    """pdffonts' table: name and the 'emb' column of each font."""
    lines = pdf_tool("pdffonts", pdf).splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object ID: 'emb' is the 5th column from the end.
        rows.append({"name": parts[0], "embedded": parts[-5] == "yes"})
    return rows


def text(pdf: bytes) -> str:
    """pdftotext in reading order (a table cell's lines stay together), spaces normalised (thousands
    separators are no-break spaces)."""
    raw = pdf_tool("pdftotext", pdf, "-enc", "UTF-8")
    return " ".join(raw.replace("\u00a0", " ").replace("\u202f", " ").split())


def page_text(pdf: bytes, number: int) -> str:
    """pdftotext of one page (1 is the first), lines kept, spaces normalised within each line."""
    raw = pdf_tool("pdftotext", pdf, "-f", str(number), "-l", str(number), "-enc", "UTF-8")
    lines = (
        " ".join(line.replace("\u00a0", " ").replace("\u202f", " ").split()) for line in raw.splitlines()
    )
    return "\n".join(line for line in lines if line)
