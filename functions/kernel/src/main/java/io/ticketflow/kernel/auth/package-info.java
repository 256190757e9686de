/**
 * Development bearer tokens: minting and checking them as the API Gateway JWT authorizer would. Used by the
 * local runtime; on AWS the authorizer verifies real tokens and functions only read the claims.
 */
package io.ticketflow.kernel.auth;
