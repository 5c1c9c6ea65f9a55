/**
 * Demo data: with {@code LEDGER_DEMO_DATA=true}, an empty ledger is filled at start-up with the story of the seed
 * article (the committee's units and members, its three thematic sessions of 2022 and the Q3 2022 cải lương tour),
 * sent as ordinary commands so the events are the same as if users had typed them.
 */
package vn.ledger.command.demo;
