"""Reading and writing: `articles` (articles from files, records and text), `sources` (the streaming
reader of a corpus), `decoding` (bytes to text), `html_text` (text of HTML pages), `records` (reading
extraction records) and `files` (atomic writes, JSONL)."""
