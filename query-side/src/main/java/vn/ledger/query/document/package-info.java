/**
 * What the features that answer with a printable file share: the embedded Liberation Sans of the PDFs and their page
 * numbers, the choice of the document's language (Vietnamese unless English is asked for), and the
 * {@code Content-Disposition} of a download with an ASCII and a UTF-8 file name.
 */
package vn.ledger.query.document;
