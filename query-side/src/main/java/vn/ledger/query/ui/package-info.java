/**
 * The web application: Thymeleaf pages in Vietnamese (English with {@code ?lang=en}), signed in with a form and a
 * session cookie. The pages are shells: their data comes from the same JSON API every client uses, called from the
 * page with the session cookie and its CSRF token, so the browser sees exactly the rules and problems of the API.
 */
package vn.ledger.query.ui;
