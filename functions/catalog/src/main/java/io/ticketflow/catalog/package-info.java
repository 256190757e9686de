/**
 * The route table and the resource catalogue: names, keys and settings only.
 *
 * <p>Both {@code infra/cdk} and {@code local/} read this module, so a deployment and a laptop run
 * are built from the same declarations and cannot drift. It must stay a leaf: it imports no function
 * code, no Spring and no AWS SDK, so the CDK app can depend on it without pulling the services in.
 */
package io.ticketflow.catalog;
