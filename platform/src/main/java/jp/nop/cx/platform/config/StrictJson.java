package jp.nop.cx.platform.config;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

/**
 * SPEC 5, strict input: a JSON value of the wrong type is refused, never coerced. Jackson by
 * default reads {@code "true"} and {@code 1} as a boolean, a number or a boolean as a string
 * and a number as an enum's ordinal; each of those becomes a mapping failure, which the
 * platform answers 400 naming the field. Integers still fill floating-point fields (that loses
 * nothing), and unknown enum names were refused already.
 */
public class StrictJson implements JsonMapperBuilderCustomizer {

	@Override
	public void customize(JsonMapper.Builder builder) {
		builder.disable(tools.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfig(LogicalType.Boolean, (c) -> fail(c, CoercionInputShape.Integer,
					CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.EmptyString))
			.withCoercionConfig(LogicalType.Textual,
					(c) -> fail(c, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean))
			.withCoercionConfig(LogicalType.Enum, (c) -> fail(c, CoercionInputShape.Integer, CoercionInputShape.Float,
					CoercionInputShape.Boolean, CoercionInputShape.EmptyString))
			.withCoercionConfig(LogicalType.Integer, (c) -> fail(c, CoercionInputShape.Float,
					CoercionInputShape.String, CoercionInputShape.Boolean, CoercionInputShape.EmptyString))
			.withCoercionConfig(LogicalType.Float,
					(c) -> fail(c, CoercionInputShape.String, CoercionInputShape.Boolean, CoercionInputShape.EmptyString));
	}

	private static void fail(tools.jackson.databind.cfg.MutableCoercionConfig config, CoercionInputShape... shapes) {
		for (CoercionInputShape shape : shapes) {
			config.setCoercion(shape, CoercionAction.Fail);
		}
	}
}
