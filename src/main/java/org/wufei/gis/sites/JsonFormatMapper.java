package org.wufei.gis.sites;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hibernate's JSON columns (the site's attributes) read and written with Jackson 3, which Hibernate 7.2 does not
 * find by itself; set as {@code hibernate.type.json_format_mapper} in application.yml.
 */
public final class JsonFormatMapper implements FormatMapper {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public <T> T fromString(CharSequence text, JavaType<T> javaType, WrapperOptions options) {
        if (javaType.getJavaType() == String.class) {
            return javaType.getJavaTypeClass().cast(text.toString());
        }
        return JSON.readValue(text.toString(), JSON.constructType(javaType.getJavaType()));
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions options) {
        if (javaType.getJavaType() == String.class) {
            return (String) value;
        }
        return JSON.writeValueAsString(value);
    }
}
