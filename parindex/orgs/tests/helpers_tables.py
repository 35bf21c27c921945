"""Building upload files for import tests."""

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile


def csv_upload(text: str, name: str = "units.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def xlsx_upload(rows: list[list], name: str = "units.xlsx") -> SimpleUploadedFile:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def xlsx_rows(data: bytes) -> list[list]:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        return [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
