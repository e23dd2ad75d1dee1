package vn.khuyenhoc.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the scheduled work of the product (the nightly backup). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Scheduling {}
