-- The text search of one e-Box compares the search text of every content row of that e-Box in the language searched,
-- read from an index that holds it (index-only), instead of intersecting the e-Box's rows with the rows holding the
-- words' trigrams (V171). The trigram index was the largest cost of publishing a message in the database (some 80
-- trigrams per content row: three quarters of a bulk job's database time), and slowest for the commonest words (a word
-- in every message of an e-Box of 10 000: 170-280 ms). This index costs about as much to keep as a plain btree, and a
-- search of an e-Box of 10 000 messages reads 10 000 short index tuples in order: 3-6 ms, rare word or common. A btree
-- tuple holds at most about 2 700 bytes, so the index holds the search texts up to 2 000 bytes (nearly all: subject,
-- body and business data of a message); the longer ones are found through the second index and compared in the table.
-- JdbcMessages asks for the two sets with the same bound (SearchText.INDEXED_BYTES). The extensions of V171 stay: an
-- application's user may lack the rights to drop them, and they cost nothing unused.
DROP INDEX message_content_recipient_search;
CREATE INDEX message_content_search_short ON message_content (recipient, language) INCLUDE (message_id, search_text)
	WHERE octet_length(search_text) <= 2000;
CREATE INDEX message_content_search_long ON message_content (recipient, language)
	WHERE octet_length(search_text) > 2000;
