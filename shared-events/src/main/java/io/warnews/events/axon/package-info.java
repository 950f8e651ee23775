/**
 * How the contract is stored, for Axon applications: the event tables' schema, the serializer and
 * the upcasters. The command-service, the query-service and any downstream Axon application read
 * and write the same events with these; the rest of the contract does not depend on Axon (Axon is
 * an optional dependency of this jar: an application that uses this package brings its own).
 */
package io.warnews.events.axon;
