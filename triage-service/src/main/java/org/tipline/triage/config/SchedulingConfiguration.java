package org.tipline.triage.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background work: sealing the audit chain, checkpoints, alerts, the outbox, retention (pool size in application.properties). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
