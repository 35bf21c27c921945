"""parindex: the Public Administration Reform Index (Chỉ số CCHC) and SIPAS platform."""
