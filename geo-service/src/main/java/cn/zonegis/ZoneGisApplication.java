package cn.zonegis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** ZoneGIS: land and infrastructure management for an economic development zone. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ZoneGisApplication {

	public static void main(String[] args) {
		SpringApplication.run(ZoneGisApplication.class, args);
	}

}
