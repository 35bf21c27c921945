"""Building XLSX/CSV uploads for the import tests."""

import io

import openpyxl


def xlsx(rows: list[list]) -> io.BytesIO:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def read_xlsx(data: bytes) -> list[list]:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        return [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
