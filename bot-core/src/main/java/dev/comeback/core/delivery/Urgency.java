package dev.comeback.core.delivery;

/** REPLY: the answer to something the person just wrote, sent at once. PROACTIVE: reminders, nudges, paced. */
public enum Urgency { REPLY, PROACTIVE }
