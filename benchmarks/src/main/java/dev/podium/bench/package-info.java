/** JMH benchmarks of Podium's hot paths. */
package dev.podium.bench;
