package gongkai.render;

import freemarker.template.Configuration;
import freemarker.template.DefaultListAdapter;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.SimpleCollection;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.WrappingTemplateModel;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The object wrapper templates see the view records through: a record is a read-only hash of its components and
 * its other public no-argument methods ({@code totals.withBudget}, also callable as {@code totals.withBudget()}), read through method handles looked up once per
 * record class. Everything else is wrapped as {@link DefaultObjectWrapper} wraps it. The generic bean model
 * (introspection cache lookups and reflective calls on every access) was most of FreeMarker's cost per page.
 * <p>
 * Kept over FreeMarker 2.3.35's own record support (same output): 10k sample, 2 threads, 0.78 s against 1.03 s of template CPU.
 * Re-measure: {@code java -cp target/tools/gongkai-tools.jar:target/gongkai.jar gongkai.render.RenderBenchmark --content DIR}.
 */
final class ViewWrapper extends DefaultObjectWrapper {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    /** Per record class: property name → getter, in declaration order; null for a class handled generically. */
    private final ClassValue<Map<String, MethodHandle>> getters = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            return gettersOf(type);
        }
    };

    /** How values of a class are wrapped, decided once per class. */
    private enum Kind { NUMBER, BOOLEAN, LIST, MESSAGES, RECORD, OTHER }

    private final ClassValue<Kind> kinds = new ClassValue<>() {
        @Override
        protected Kind computeValue(Class<?> type) {
            if (TemplateModel.class.isAssignableFrom(type)) {
                return Kind.OTHER;
            }
            if (Number.class.isAssignableFrom(type)) {
                return Kind.NUMBER;
            }
            if (type == Boolean.class) {
                return Kind.BOOLEAN;
            }
            if (List.class.isAssignableFrom(type)) {
                return Kind.LIST;
            }
            if (type == gongkai.site.Messages.class) {
                return Kind.MESSAGES;
            }
            if (Record.class.isAssignableFrom(type) && getters.get(type) != null) {
                return Kind.RECORD;
            }
            return Kind.OTHER;
        }
    };

    ViewWrapper() {
        super(Configuration.VERSION_2_3_35);
        writeProtect();
    }

    /**
     * The same models {@link DefaultObjectWrapper#wrap} makes for the values views hold, chosen by a per-class
     * lookup instead of its chain of instanceof tests against interfaces (on JDK 17 a failed or alternating
     * interface test scans the class's supertypes and, from several threads, contends on one cache field: it was
     * the largest single cost of rendering a page).
     */
    @Override
    public TemplateModel wrap(Object obj) throws TemplateModelException {
        if (obj instanceof String s) {
            return new SimpleScalar(s);
        }
        if (obj == null) {
            return super.wrap(null);
        }
        return switch (kinds.get(obj.getClass())) {
            case NUMBER -> new SimpleNumber((Number) obj);
            case BOOLEAN -> (Boolean) obj ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
            case LIST -> DefaultListAdapter.adapt((List<?>) obj, this);
            case MESSAGES -> new MessagesModel((gongkai.site.Messages) obj);
            case RECORD -> new RecordModel(obj, getters.get(obj.getClass()), this);
            case OTHER -> super.wrap(obj);
        };
    }

    @Override
    protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
        if (obj instanceof Record) {
            Map<String, MethodHandle> properties = getters.get(obj.getClass());
            if (properties != null) {
                return new RecordModel(obj, properties, this);
            }
        }
        return super.handleUnknownType(obj);
    }

    private static Map<String, MethodHandle> gettersOf(Class<?> type) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return null;
        }
        Map<String, MethodHandle> out = new LinkedHashMap<>();
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            for (var component : type.getRecordComponents()) {
                out.put(component.getName(), lookup.unreflect(component.getAccessor()).asType(GETTER));
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                        && !m.isSynthetic() && m.getParameterCount() == 0 && m.getReturnType() != void.class
                        && !m.getName().equals("toString") && !m.getName().equals("hashCode")
                        && !out.containsKey(m.getName())) {
                    out.put(m.getName(), lookup.unreflect(m).asType(GETTER));
                }
            }
        } catch (IllegalAccessException e) {
            return null; // not accessible from here: the generic bean model handles it
        }
        return Collections.unmodifiableMap(out);
    }

    /** A record as a read-only hash. */
    private static final class RecordModel extends WrappingTemplateModel
            implements TemplateHashModelEx, freemarker.template.MethodCallAwareTemplateHashModel,
            freemarker.template.AdapterTemplateModel,
            freemarker.ext.util.WrapperTemplateModel {
        private final Object record;
        private final Map<String, MethodHandle> properties;

        RecordModel(Object record, Map<String, MethodHandle> properties, ViewWrapper wrapper) {
            super(wrapper);
            this.record = record;
            this.properties = properties;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            MethodHandle getter = properties.get(key);
            if (getter == null) {
                return null;
            }
            Object value;
            try {
                value = (Object) getter.invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new TemplateModelException(record.getClass().getSimpleName() + "." + key + ": " + e, e);
            }
            return wrap(value);
        }

        /** {@code x.name()} works too: the getter as a method without arguments. */
        @Override
        public TemplateModel getBeforeMethodCall(String key) {
            if (!properties.containsKey(key)) {
                return null;
            }
            return (freemarker.template.TemplateMethodModelEx) arguments -> {
                if (!arguments.isEmpty()) {
                    throw new TemplateModelException(record.getClass().getSimpleName() + "." + key
                            + "() takes no arguments, got " + arguments.size());
                }
                return get(key);
            };
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public int size() {
            return properties.size();
        }

        @Override
        public TemplateCollectionModel keys() {
            return new SimpleCollection(properties.keySet(), getObjectWrapper());
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            List<TemplateModel> values = new ArrayList<>(properties.size());
            for (String key : properties.keySet()) {
                values.add(get(key));
            }
            return new SimpleCollection(values, getObjectWrapper());
        }

        @Override
        public Object getAdaptedObject(Class<?> hint) {
            return record;
        }

        @Override
        public Object getWrappedObject() {
            return record;
        }
    }
}
