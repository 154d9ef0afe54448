package io.watchkeeper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WatchkeeperApplication {

	public static void main(String[] args) {
		SpringApplication.run(WatchkeeperApplication.class, args);
	}
}
