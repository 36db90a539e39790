/**
 * The gateway's state: per-key budgets (reserved before a call, settled after it), per-key rate
 * limits and provider health, kept in this process or shared by several instances through Redis.
 * Every operation is non-blocking and may be called on event loops.
 */
package dev.junction.gateway.state;
