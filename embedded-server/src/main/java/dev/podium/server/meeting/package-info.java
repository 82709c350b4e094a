/**
 * Meetings, attendees, join tokens and the rules that govern them (capacity, replicas, idle
 * deletion). No Netty and no HTTP in here: the control API and the signaling layer both call {@link
 * dev.podium.server.meeting.MeetingService}.
 */
package dev.podium.server.meeting;
