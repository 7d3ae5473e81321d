function varargout = classificationLayer(varargin)
%CLASSIFICATIONLAYER  bigru.classificationLayer under MATLAB's unqualified name; see help bigru.classificationLayer.
[varargout{1:max(nargout, 1)}] = bigru.classificationLayer(varargin{:});
end
