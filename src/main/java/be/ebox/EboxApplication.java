package be.ebox;

import java.util.Arrays;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EboxApplication {

	public static void main(String[] args) {
		var application = new SpringApplicationBuilder(EboxApplication.class);
		// a command-line import (--import-kbo=...) runs and exits: no web server for it
		if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("--import-kbo"))) {
			application.web(WebApplicationType.NONE);
		}
		application.run(args);
	}
}
