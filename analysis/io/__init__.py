"""Reading and writing: `sources` (the article reader: inputs as a stream of articles and bad records),
`articles` (articles from files and text, built on that reader), `decoding` (bytes to text), `html_text`
(text of HTML pages), `records` (reading extraction records) and `files` (atomic writes, JSONL)."""
