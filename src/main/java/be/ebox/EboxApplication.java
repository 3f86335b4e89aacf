package be.ebox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EboxApplication {

	public static void main(String[] args) {
		SpringApplication.run(EboxApplication.class, args);
	}
}
