/**
 * Rewards that prove nothing about you: a person eligible for a reward of their jurisdiction claims a token, signed
 * by the jurisdiction (Ed25519), that names the reward and an expiry and nothing of the person or their score; the
 * provider checks and spends it, once. Nobody can list who is eligible.
 */
package org.civitas.reward;
